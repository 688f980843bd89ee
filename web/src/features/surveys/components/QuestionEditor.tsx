import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { AnswerValue, Bilingual } from "../api";
import { checkDraft, LIKERT_LABELS, moveItem, newDraft, QUESTION_TYPES, questionFromDraft, withNewOption, type QuestionDraft, type QuestionType } from "../questions";
import { QuestionStep } from "./QuestionStep";

interface QuestionEditorProps {
  value: QuestionDraft[];
  onChange: (drafts: QuestionDraft[]) => void;
  /** The ids the template's questions take (a new question gets another). */
  takenIds: string[];
  /** The template's elements a Likert question may count in. */
  elements: { code: string; name: Bilingual }[];
  /** Whether to show each draft's problems (after a first attempt to send). */
  showErrors: boolean;
}

/** How a question will look to the citizen, answerable here without sending anything. */
function Preview({ draft, n }: { draft: QuestionDraft; n: number }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<AnswerValue | undefined>(undefined);
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)" aria-label={t("campaignEditor.previewOf", { n })} role="group">
      <Text size="xs" c="dimmed" mb={4}>
        {t("campaignEditor.previewTitle")}
      </Text>
      <QuestionStep question={questionFromDraft(draft)} likertLabels={[...LIKERT_LABELS]} value={answer} onChange={setAnswer} />
    </Paper>
  );
}

interface DraftCardProps {
  draft: QuestionDraft;
  index: number;
  count: number;
  elements: QuestionEditorProps["elements"];
  showErrors: boolean;
  onChange: (draft: QuestionDraft) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

function DraftCard({ draft, index, count, elements, showErrors, onChange, onMove, onRemove }: DraftCardProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [isPreviewing, setIsPreviewing] = useState(false);
  const errors = showErrors ? checkDraft(draft) : {};
  const error = (name: string) => {
    const problem = errors[name];
    return problem ? t(`campaignEditor.errors.${problem}`) : undefined;
  };
  const n = index + 1;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...draft, ...patch });
  const setOption = (key: string, patch: { vi?: string; en?: string }) =>
    set({ options: draft.options.map((o) => (o.key === key ? { ...o, ...patch } : o)) });
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0, minWidth: 0 }} aria-labelledby={`${draft.key}-title`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={`${draft.key}-title`}>
            {t("campaignEditor.questionN", { n, type: t(`campaignEditor.types.${draft.type}`) })}
          </Title>
          <Group gap={4}>
            <Button id={`${draft.key}-up`} size="compact-sm" variant="default" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t("campaignEditor.moveUp", { n })}>
              {t("campaignEditor.up")}
            </Button>
            <Button id={`${draft.key}-down`} size="compact-sm" variant="default" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t("campaignEditor.moveDown", { n })}>
              {t("campaignEditor.down")}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => setIsPreviewing((v) => !v)} aria-expanded={isPreviewing} aria-label={t("campaignEditor.previewN", { n })}>
              {t("campaignEditor.preview")}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove} aria-label={t("campaignEditor.removeN", { n })}>
              {t("campaignEditor.remove")}
            </Button>
          </Group>
        </Group>
        <NativeSelect
          label={t("campaignEditor.type")}
          value={draft.type}
          onChange={(e) => set({ type: e.currentTarget.value as QuestionType })}
          data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`campaignEditor.types.${type}`) }))}
        />
        <TextInput id={`${draft.key}-vi`} label={t("campaignEditor.textVi")} required value={draft.vi} error={error("vi")} onChange={(e) => set({ vi: e.currentTarget.value })} />
        <TextInput label={t("campaignEditor.textEn")} description={t("campaignEditor.textEnHelp")} value={draft.en} onChange={(e) => set({ en: e.currentTarget.value })} />
        {draft.type === "likert" && (
          <>
            <NativeSelect
              label={t("campaignEditor.element")}
              value={draft.element}
              onChange={(e) => set({ element: e.currentTarget.value })}
              data={[{ value: "", label: t("campaignEditor.noElement") }, ...elements.map((el) => ({ value: el.code, label: el.name[lang] }))]}
            />
            <Text size="sm" c="dimmed">
              {t("campaignEditor.likertLevels", { levels: [...LIKERT_LABELS].reverse().map((l) => l[lang]).join(" · ") })}
            </Text>
          </>
        )}
        {draft.type === "choice" && (
          <Stack gap={6} role="group" aria-label={t("campaignEditor.optionsOf", { n })}>
            {draft.options.map((o, i) => (
              <Group key={o.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t("campaignEditor.optionVi", { i: i + 1 })}
                  required
                  value={o.vi}
                  error={error(`option.${o.key}`)}
                  onChange={(e) => setOption(o.key, { vi: e.currentTarget.value })}
                />
                <TextInput style={{ flex: 1 }} label={t("campaignEditor.optionEn", { i: i + 1 })} value={o.en} onChange={(e) => setOption(o.key, { en: e.currentTarget.value })} />
                <Button
                  mt={24}
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  disabled={draft.options.length <= 2}
                  onClick={() => set({ options: draft.options.filter((x) => x.key !== o.key) })}
                  aria-label={t("campaignEditor.removeOption", { i: i + 1 })}
                >
                  {t("campaignEditor.remove")}
                </Button>
              </Group>
            ))}
            {errors.options && (
              <Text size="sm" c="red" role="alert">
                {error("options")}
              </Text>
            )}
            <Button size="compact-sm" variant="light" onClick={() => onChange(withNewOption(draft))} disabled={draft.options.length >= 20} style={{ alignSelf: "flex-start" }}>
              {t("campaignEditor.addOption")}
            </Button>
          </Stack>
        )}
        {draft.type === "number" && (
          <Group grow>
            <TextInput label={t("campaignEditor.min")} inputMode="decimal" required value={draft.min} error={error("min")} onChange={(e) => set({ min: e.currentTarget.value })} />
            <TextInput label={t("campaignEditor.max")} inputMode="decimal" required value={draft.max} error={error("max")} onChange={(e) => set({ max: e.currentTarget.value })} />
          </Group>
        )}
        {draft.type === "text" && (
          <TextInput
            label={t("campaignEditor.maxLength")}
            inputMode="numeric"
            required
            value={draft.maxLength}
            error={error("maxLength")}
            onChange={(e) => set({ maxLength: e.currentTarget.value })}
          />
        )}
        {isPreviewing && <Preview draft={draft} n={n} />}
      </Stack>
    </Paper>
  );
}

/**
 * The custom questions of a campaign: add one of each type, edit it in Vietnamese (English optional),
 * move it up or down, remove it, and preview it as the citizen will see it. Every control is a button or a
 * field, so it all works from the keyboard; after a move the focus stays on the moved question.
 */
export function QuestionEditor({ value, onChange, takenIds, elements, showErrors }: QuestionEditorProps) {
  const { t } = useTranslation();
  const [newType, setNewType] = useState<QuestionType>("likert");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget);
    if (element instanceof HTMLButtonElement && element.disabled) {
      document.getElementById(focusTarget.endsWith("-up") ? focusTarget.replace(/-up$/, "-down") : focusTarget.replace(/-down$/, "-up"))?.focus();
    } else element?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const add = () => {
    const draft = newDraft(newType, [...takenIds, ...value.map((d) => d.id)]);
    onChange([...value, draft]);
    setFocusTarget(`${draft.key}-vi`);
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="custom-questions-title">
      <Title order={3} size="h4" id="custom-questions-title">
        {t("campaignEditor.customQuestions")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("campaignEditor.customQuestionsHelp")}
      </Text>
      {value.map((draft, index) => (
        <DraftCard
          key={draft.key}
          draft={draft}
          index={index}
          count={value.length}
          elements={elements}
          showErrors={showErrors}
          onChange={(next) => onChange(value.map((d) => (d.key === draft.key ? next : d)))}
          onMove={(step) => {
            onChange(moveItem(value, index, step));
            setFocusTarget(`${draft.key}-${step < 0 ? "up" : "down"}`);
          }}
          onRemove={() => {
            onChange(value.filter((d) => d.key !== draft.key));
            setFocusTarget("add-question");
          }}
        />
      ))}
      <Group gap="xs" align="flex-end">
        <NativeSelect
          label={t("campaignEditor.newType")}
          value={newType}
          onChange={(e) => setNewType(e.currentTarget.value as QuestionType)}
          data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`campaignEditor.types.${type}`) }))}
        />
        <Button id="add-question" variant="light" onClick={add} disabled={value.length >= 30}>
          {t("campaignEditor.addQuestion")}
        </Button>
      </Group>
    </Stack>
  );
}
