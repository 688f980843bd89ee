import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import { DateField } from "../../../ui/DateField";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { yearInVietnam } from "../../../ui/vietnam-time";
import { createCampaign, fetchTemplates, surveyKeys, type Campaign, type SurveyFamily } from "../api";
import { isCampaignFormValid } from "../campaign-form";
import { focusFirstInvalid } from "../focus-first-invalid";
import { questionFromDraft, type QuestionDraft } from "../questions";
import { AttributesPicker } from "./AttributesPicker";
import { ChannelsPicker } from "./ChannelsPicker";
import { QuestionEditor } from "./QuestionEditor";
import { unitInputsOf, UnitsPicker, type UnitSelection } from "./UnitsPicker";

const FAMILIES: SurveyFamily[] = ["perception", "contact", "open"];
const defaultChannels = (family: SurveyFamily) => (family === "contact" ? ["desk", "qr"] : ["qr", "online", "forum"]);

/** A leader creates a campaign over units of the own subtree (`units`: the candidates, by name), with custom questions. */
export function CreateCampaignForm({ units, onCreated }: { units: { id: string; name: string }[]; onCreated: (campaign: Campaign) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const templates = useQuery({ queryKey: surveyKeys.templates(), queryFn: ({ signal }) => fetchTemplates(signal) });
  const year = yearInVietnam();
  const [title, setTitle] = useState("");
  const [family, setFamily] = useState<SurveyFamily>("perception");
  const [templateCode, setTemplateCode] = useState("cand-3104");
  const [startsOn, setStartsOn] = useState(`${year}-01-01`);
  const [endsOn, setEndsOn] = useState(`${year}-12-31`);
  const [selection, setSelection] = useState<UnitSelection[]>([]);
  const [attributes, setAttributes] = useState<string[]>([]);
  const [channels, setChannels] = useState<string[]>(defaultChannels("perception"));
  const [drafts, setDrafts] = useState<QuestionDraft[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const template = templates.data?.find((tpl) => tpl.code === templateCode);
  const mutation = useMutation({
    mutationFn: createCampaign,
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.campaigns() });
      onCreated(campaign);
    },
  });
  const periodError = startsOn && endsOn && endsOn < startsOn ? t("campaignEditor.errors.period") : undefined;
  const isValid = isCampaignFormValid({ title, startsOn, endsOn, periodError: periodError, selection, channels, drafts });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isValid) {
      setShowErrors(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    mutation.mutate({
      title,
      family,
      templateCode,
      channels,
      startsOn,
      endsOn,
      units: unitInputsOf(selection),
      attributes,
      customQuestions: drafts.map(questionFromDraft),
    });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="create-campaign-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="create-campaign-title">
            {t("surveys.console.createTitle")}
          </Title>
          <TextInput
            label={t("surveys.console.campaignTitle")}
            required
            value={title}
            error={showErrors && title.trim() === "" ? t("campaignEditor.errors.titleRequired") : undefined}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("surveys.console.family")}
            value={family}
            onChange={(e) => {
              const next = e.currentTarget.value as SurveyFamily;
              setFamily(next);
              setChannels(defaultChannels(next));
            }}
            data={FAMILIES.map((f) => ({ value: f, label: t(`surveys.families.${f}`) }))}
          />
          <NativeSelect
            label={t("surveys.console.template")}
            value={templateCode}
            onChange={(e) => setTemplateCode(e.currentTarget.value)}
            data={(templates.data ?? []).map((tpl) => ({ value: tpl.code, label: `${tpl.name[lang]} (v${tpl.version})` }))}
          />
          {template && (
            <Text size="sm" c="dimmed">
              {t("campaignEditor.templateQuestions", { count: template.questions.length })}
            </Text>
          )}
          <Group grow align="flex-start">
            <DateField id="campaign-starts-on" label={t("surveys.console.startsOn")} required value={startsOn} onChange={setStartsOn} />
            <DateField id="campaign-ends-on" label={t("surveys.console.endsOn")} required value={endsOn} onChange={setEndsOn} error={showErrors ? periodError : undefined} />
          </Group>
          <UnitsPicker candidates={units} value={selection} onChange={setSelection} showErrors={showErrors} />
          <ChannelsPicker value={channels} onChange={setChannels} showErrors={showErrors} />
          <AttributesPicker value={attributes} onChange={setAttributes} />
          <QuestionEditor
            value={drafts}
            onChange={setDrafts}
            takenIds={template?.questions.map((q) => q.id) ?? []}
            elements={template?.elements ?? []}
            showErrors={showErrors}
          />
          {showErrors && !isValid && <ErrorAlert title={t("campaignEditor.errors.summary")}>{t("campaignEditor.errors.summaryText")}</ErrorAlert>}
          {mutation.error && <ErrorAlert title={t("surveys.console.createError")}>{mutation.error.message}</ErrorAlert>}
          <Button type="submit" loading={mutation.isPending}>
            {t("surveys.console.create")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
