import { Button, Checkbox, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useUnits } from "../../units/hooks/useUnits";
import {
  CONTENT_GROUPS,
  OPINION_KINDS,
  ROUTING_KINDS,
  takeStep,
  type OpinionAction,
  type OpinionDetail,
  type OpinionKind,
  type OpinionStep,
} from "../api";
import { useAssignees } from "../hooks/useAssignees";
import { useOpinionMutation } from "../hooks/useOpinionMutation";
import { useTopics } from "../hooks/useTopics";

/** The steps this panel takes; answers and their review have their own forms. */
const PANEL_ACTIONS = [
  "classify",
  "assign",
  "start",
  "answer_on_spot",
  "route",
  "transfer",
  "transfer_out",
  "merge",
  "reject",
  "close",
] as const satisfies readonly OpinionAction[];
type PanelAction = (typeof PANEL_ACTIONS)[number];

/** The fields the steps ask for. */
type FieldKey = "kind" | "contentGroup" | "urgency" | "userId" | "content" | "reason" | "unitId" | "to" | "track" | "note" | "intoCode";
type Fields = Partial<Record<FieldKey, string>>;

/** Builds the step from the form's fields, or names the first missing required field. */
function toStep(action: PanelAction, f: Fields, topics: string[]): OpinionStep | { missing: FieldKey } {
  const need = (...keys: FieldKey[]) => keys.find((k) => !f[k]?.trim());
  const text = (key: FieldKey) => f[key]?.trim() ?? "";
  switch (action) {
    case "classify":
      return {
        action,
        ...(f.kind ? { kind: f.kind as OpinionKind } : {}),
        ...(f.contentGroup ? { contentGroup: f.contentGroup as (typeof CONTENT_GROUPS)[number] } : {}),
        ...(f.urgency ? { urgency: f.urgency as "normal" | "urgent" } : {}),
        topics,
      };
    case "assign":
      return need("userId") ? { missing: "userId" } : { action, userId: text("userId") };
    case "answer_on_spot":
      return need("content") ? { missing: "content" } : { action, content: text("content") };
    case "reject":
      return need("reason") ? { missing: "reason" } : { action, reason: text("reason") };
    case "transfer": {
      const missing = need("unitId", "reason");
      return missing ? { missing } : { action, unitId: text("unitId"), reason: text("reason") };
    }
    case "transfer_out": {
      const missing = need("to", "reason");
      return missing ? { missing } : { action, to: text("to"), reason: text("reason") };
    }
    case "route":
      return need("to")
        ? { missing: "to" }
        : {
            action,
            to: text("to"),
            ...(f.track ? { track: f.track as (typeof ROUTING_KINDS)[number] } : {}),
            ...(text("note") ? { note: text("note") } : {}),
          };
    case "merge":
      return need("intoCode") ? { missing: "intoCode" } : { action, intoCode: text("intoCode") };
    case "start":
    case "close":
      return { action };
  }
}

/**
 * The workflow's next steps for this opinion, as the server allows them to this user: pick one, fill in
 * what it needs (a reason, a unit, a body…), confirm. Each step is recorded in the timeline and audited.
 */
export function StepPanel({ opinion, onDone }: { opinion: OpinionDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const actions = PANEL_ACTIONS.filter((a) => opinion.actions.includes(a));
  const [action, setAction] = useState<PanelAction | "">("");
  const [fields, setFields] = useState<Fields>({});
  const [topics, setTopics] = useState<string[]>(opinion.topics);
  const [missing, setMissing] = useState<FieldKey | undefined>(undefined);
  const topicList = useTopics();
  const units = useUnits();
  const assignees = useAssignees(opinion.id, action === "assign");
  const mutation = useOpinionMutation(
    (step: OpinionStep) => takeStep({ opinionId: opinion.id, step }),
    (_, step) => {
      onDone(t(`steps.done.${step.action as PanelAction}`));
      setAction("");
      setFields({});
    },
  );

  if (actions.length === 0) return null;

  const set = (key: FieldKey) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setMissing(undefined);
    if (mutation.isError) mutation.reset();
  };
  const fieldError = (key: FieldKey) =>
    missing === key ? t("steps.required") : mutation.error && "field" in mutation.error && mutation.error.field === key ? mutation.error.message : undefined;
  const textField = (key: FieldKey, multiline = false): ReactNode => {
    const props = {
      id: `step-${key}`,
      label: t(`steps.fields.${key}`),
      value: fields[key] ?? "",
      onChange: (event: { currentTarget: { value: string } }) => set(key)(event.currentTarget.value),
      error: fieldError(key),
      errorProps: { role: "alert" },
    };
    return multiline ? <Textarea {...props} autosize minRows={3} maxLength={5000} /> : <TextInput {...props} maxLength={200} />;
  };
  const select = (key: FieldKey, data: { value: string; label: string }[], empty: string): ReactNode => (
    <NativeSelect
      id={`step-${key}`}
      label={t(`steps.fields.${key}`)}
      value={fields[key] ?? ""}
      onChange={(event) => set(key)(event.currentTarget.value)}
      data={[{ value: "", label: empty }, ...data]}
      error={fieldError(key)}
      errorProps={{ role: "alert" }}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!action) return;
    const step = toStep(action, fields, topics);
    if ("missing" in step) {
      setMissing(step.missing);
      document.getElementById(`step-${step.missing}`)?.focus();
      return;
    }
    mutation.mutate(step);
  };

  const keep = t("steps.keep");
  return (
    <form onSubmit={submit} aria-label={t("steps.formName")} data-testid="step-panel">
      <Stack gap="sm">
        <NativeSelect
          id="step-action"
          label={t("steps.action")}
          value={action}
          onChange={(event) => {
            setAction(event.currentTarget.value as PanelAction | "");
            setMissing(undefined);
            mutation.reset();
          }}
          data={[{ value: "", label: t("steps.choose") }, ...actions.map((a) => ({ value: a, label: t(`steps.actions.${a}`) }))]}
        />
        {action && <Text size="sm">{t(`steps.hints.${action}`)}</Text>}
        {action === "classify" && (
          <>
            {select("kind", OPINION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })), keep)}
            {select("contentGroup", CONTENT_GROUPS.map((g) => ({ value: g, label: t(`contentGroup.${g}`) })), keep)}
            {select("urgency", [{ value: "normal", label: t("steps.urgency.normal") }, { value: "urgent", label: t("steps.urgency.urgent") }], keep)}
            <Checkbox.Group id="step-topics" label={t("steps.fields.topics")} value={topics} onChange={setTopics}>
              <Stack gap={6} mt={6}>
                {(topicList.data ?? []).map((topic) => (
                  <Checkbox key={topic.code} value={topic.code} label={topic.name} disabled={!topics.includes(topic.code) && topics.length >= 5} />
                ))}
              </Stack>
            </Checkbox.Group>
          </>
        )}
        {action === "assign" &&
          select("userId", (assignees.data ?? []).map((a) => ({ value: a.id, label: a.displayName })), t("steps.chooseAssignee"))}
        {action === "answer_on_spot" && textField("content", true)}
        {action === "reject" && textField("reason", true)}
        {action === "transfer" && (
          <>
            {select(
              "unitId",
              (units.data ?? []).filter((u) => u.id !== opinion.unitId).map((u) => ({ value: u.id, label: u.name })),
              t("steps.chooseUnit"),
            )}
            {textField("reason", true)}
          </>
        )}
        {action === "transfer_out" && (
          <>
            {textField("to")}
            {textField("reason", true)}
          </>
        )}
        {action === "route" && (
          <>
            {select("track", ROUTING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })), t("steps.trackOfKind"))}
            {textField("to")}
            {textField("note", true)}
          </>
        )}
        {action === "merge" && textField("intoCode")}
        {mutation.error && !("field" in mutation.error && mutation.error.field) && (
          <Text c="red.8" role="alert">
            {mutation.error.message}
          </Text>
        )}
        <div>
          <Button type="submit" disabled={!action} loading={mutation.isPending}>
            {t("steps.submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
