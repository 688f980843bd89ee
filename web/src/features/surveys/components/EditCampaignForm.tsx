import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../ui/DateField";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDay } from "../../../ui/format-date-time";
import { Notice } from "../../../ui/Notice";
import { surveyKeys, updateCampaign, type Campaign, type CampaignChanges } from "../api";
import { isCampaignFormValid } from "../campaign-form";
import { focusFirstInvalid } from "../focus-first-invalid";
import { draftFromQuestion, questionFromDraft, type QuestionDraft } from "../questions";
import { AttributesPicker } from "./AttributesPicker";
import { ChannelsPicker } from "./ChannelsPicker";
import { QuestionEditor } from "./QuestionEditor";
import { unitInputsOf, UnitsPicker, type UnitSelection } from "./UnitsPicker";


interface EditCampaignFormProps {
  campaign: Campaign;
  /** Units of the leader's subtree that may be added. */
  candidates: { id: string; name: string }[];
  onDone: (saved: Campaign | null) => void;
}

/**
 * The evaluating unit's leader edits a campaign with the create form's parts. Before the first response
 * everything but the template may change; once responses are stored, the start date, the respondent details
 * and the questions are locked, units can only be added and the end date cannot move before the last
 * answered day (the server applies the same rules).
 */
export function EditCampaignForm({ campaign, candidates, onDone }: EditCampaignFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaces the button that opened it: the focus starts at its heading.
  useEffect(() => heading.current?.focus(), []);
  const isLocked = campaign.hasResponses;
  const [title, setTitle] = useState(campaign.title);
  const [startsOn, setStartsOn] = useState(campaign.startsOn);
  const [endsOn, setEndsOn] = useState(campaign.endsOn);
  const [channels, setChannels] = useState(campaign.channels);
  const [attributes, setAttributes] = useState(campaign.attributes);
  const [selection, setSelection] = useState<UnitSelection[]>(
    campaign.units.map((u) => ({ unitId: u.unitId, fieldCode: u.fieldCode ?? "", quota: u.quota === null ? "" : String(u.quota) })),
  );
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() =>
    campaign.questions.filter((q) => campaign.customQuestionIds.includes(q.id)).map(draftFromQuestion),
  );
  const [showErrors, setShowErrors] = useState(false);
  const mutation = useMutation({
    mutationFn: (changes: CampaignChanges) => updateCampaign(campaign.id, changes),
    onSuccess: async (saved) => {
      queryClient.setQueryData(surveyKeys.campaign(campaign.id), saved);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.campaigns(), exact: true });
      onDone(saved);
    },
  });
  const allUnits = [
    ...campaign.units.map((u) => ({ id: u.unitId, name: u.name })),
    ...candidates.filter((c) => !campaign.units.some((u) => u.unitId === c.id)),
  ];
  const lastDay = campaign.lastAnsweredOn;
  const endsOnError =
    endsOn && startsOn && endsOn < startsOn
      ? t("campaignEditor.errors.period")
      : lastDay && endsOn && endsOn < lastDay
        ? t("campaignEditor.errors.endsBeforeLastResponse", { day: formatDay(lastDay) })
        : undefined;
  const isValid = isCampaignFormValid({ title, startsOn, endsOn, periodError: endsOnError, selection, channels, drafts });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isValid) {
      setShowErrors(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    const always = { title, endsOn, channels, units: unitInputsOf(selection) };
    mutation.mutate(isLocked ? always : { ...always, startsOn, attributes, customQuestions: drafts.map(questionFromDraft) });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="edit-campaign-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="edit-campaign-title" ref={heading} tabIndex={-1}>
            {t("campaignEditor.editTitle")}
          </Title>
          {isLocked && (
            <Notice title={t("campaignEditor.lockedTitle")}>
              {t("campaignEditor.lockedText", { day: lastDay ? formatDay(lastDay) : "" })}
            </Notice>
          )}
          <Text size="sm" c="dimmed">
            {t("campaignEditor.templateFixed", { code: campaign.templateCode, version: campaign.templateVersion })}
          </Text>
          <TextInput
            label={t("surveys.console.campaignTitle")}
            required
            value={title}
            error={showErrors && title.trim() === "" ? t("campaignEditor.errors.titleRequired") : undefined}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group grow align="flex-start">
            {isLocked ? (
              <TextInput label={t("surveys.console.startsOn")} value={formatDay(startsOn)} readOnly description={t("campaignEditor.startLocked")} />
            ) : (
              <DateField id="edit-starts-on" label={t("surveys.console.startsOn")} required value={startsOn} onChange={setStartsOn} />
            )}
            <DateField
              id="edit-ends-on"
              label={t("surveys.console.endsOn")}
              required
              value={endsOn}
              onChange={setEndsOn}
              error={showErrors ? endsOnError : undefined}
              description={lastDay ? t("campaignEditor.endsNotBefore", { day: formatDay(lastDay) }) : undefined}
            />
          </Group>
          <UnitsPicker candidates={allUnits} value={selection} onChange={setSelection} lockedIds={isLocked ? campaign.units.map((u) => u.unitId) : []} showErrors={showErrors} />
          <ChannelsPicker value={channels} onChange={setChannels} showErrors={showErrors} />
          <AttributesPicker value={attributes} onChange={setAttributes} isDisabled={isLocked} />
          <fieldset disabled={isLocked} className="plain-fieldset">
            <QuestionEditor
              value={drafts}
              onChange={setDrafts}
              takenIds={campaign.questions.filter((q) => !campaign.customQuestionIds.includes(q.id)).map((q) => q.id)}
              elements={campaign.elements}
              showErrors={showErrors}
            />
          </fieldset>
          {showErrors && !isValid && <ErrorAlert title={t("campaignEditor.errors.summary")}>{t("campaignEditor.errors.summaryText")}</ErrorAlert>}
          {mutation.error && <ErrorAlert title={t("campaignEditor.saveError")}>{mutation.error.message}</ErrorAlert>}
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t("campaignEditor.save")}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {t("campaignEditor.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
