import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PublicSurvey } from "../api";
import { useSendSurveyResponse } from "../hooks/useSendSurveyResponse";
import { useSurveyProgress } from "../hooks/useSurveyProgress";
import { QuestionStep } from "./QuestionStep";

type Step = { kind: "code" } | { kind: "question"; index: number } | { kind: "about" } | { kind: "review" };

/** The steps of a survey: the code (contact surveys), one screen per question, optional attributes, review. */
function stepsOf(survey: PublicSurvey): Step[] {
  return [
    ...(survey.requiresCode ? [{ kind: "code" as const }] : []),
    ...survey.questions.map((_, index) => ({ kind: "question" as const, index })),
    ...(survey.attributes.length > 0 ? [{ kind: "about" as const }] : []),
    { kind: "review" as const },
  ];
}

/**
 * A citizen answers a unit's survey, one question per screen, on any phone: progress is kept in the
 * browser, and the response is sent once (a retry reuses the same client key).
 */
export function SurveyForm({ survey, channel }: { survey: PublicSurvey; channel: "qr" | "online" | "forum" }) {
  const { t } = useTranslation();
  const { progress, update } = useSurveyProgress(survey.campaignId, survey.unitId);
  const send = useSendSurveyResponse(survey.campaignId, survey.unitId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const steps = stepsOf(survey);
  const stepIndex = Math.min(progress.step, steps.length - 1);
  const step = steps[stepIndex] as Step;
  const answered = survey.questions.filter((q) => progress.answers[q.id] !== undefined && progress.answers[q.id] !== null).length;
  const isFirstRender = useRef(true);

  useEffect(() => {
    // Move focus to the new screen's heading so that a screen reader reads it; not on first load.
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepIndex, progress.isDone]);

  if (progress.isDone) {
    return (
      <Paper withBorder p="md" radius="md" role="status" className="survey-thanks">
        <Title order={2} ref={headingRef} tabIndex={-1} className="survey-step-title">
          {t("surveys.form.thanksTitle")}
        </Title>
        <Text mt="xs">{t("surveys.form.thanksText", { unit: survey.unitName })}</Text>
      </Paper>
    );
  }

  const go = (delta: number) => update({ step: Math.max(0, Math.min(steps.length - 1, stepIndex + delta)) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== "review") return go(1);
    try {
      await send.mutateAsync({
        clientKey: progress.clientKey,
        answers: progress.answers,
        channel,
        ...(survey.requiresCode ? { code: progress.code } : {}),
        ...(progress.hasConsent ? { hasConsent: true, attributes: progress.attributes } : {}),
      });
      update({ isDone: true });
    } catch {
      // The error is shown below; a refused code sends the citizen back to the code screen.
    }
  };
  const alreadyAnswered = send.error && "code" in send.error && send.error.code === "survey.already_answered";

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="survey-step-title">
      <Stack gap="md">
        <Text size="sm" aria-live="polite">
          {t("surveys.form.progress", { current: stepIndex + 1, total: steps.length })}
        </Text>
        <progress className="survey-progress" value={stepIndex + 1} max={steps.length} aria-hidden="true" />
        <Title order={2} id="survey-step-title" ref={headingRef} tabIndex={-1} className="survey-step-title">
          {step.kind === "code" && t("surveys.form.codeTitle")}
          {step.kind === "question" && t("surveys.form.questionTitle", { number: step.index + 1, total: survey.questions.length })}
          {step.kind === "about" && t("surveys.form.aboutTitle")}
          {step.kind === "review" && t("surveys.form.reviewTitle")}
        </Title>
        {step.kind === "code" && (
          <TextInput
            size="lg"
            label={t("surveys.form.codeLabel")}
            description={t("surveys.form.codeHint")}
            value={progress.code}
            autoComplete="off"
            autoCapitalize="characters"
            onChange={(event) => update({ code: event.currentTarget.value })}
          />
        )}
        {step.kind === "question" && survey.questions[step.index] && (
          <QuestionStep
            question={survey.questions[step.index]!}
            likertLabels={survey.likertLabels}
            value={progress.answers[survey.questions[step.index]!.id]}
            onChange={(value) => update({ answers: { ...progress.answers, [survey.questions[step.index]!.id]: value } })}
          />
        )}
        {step.kind === "about" && (
          <Stack gap="sm">
            <Text>{t("surveys.form.aboutIntro")}</Text>
            <Checkbox
              size="md"
              label={t("surveys.form.consent")}
              checked={progress.hasConsent}
              onChange={(event) => update({ hasConsent: event.currentTarget.checked })}
            />
            {progress.hasConsent &&
              survey.attributes.map((attribute) => (
                <NativeSelect
                  key={attribute.name}
                  size="md"
                  label={t(`surveys.attributes.${attribute.name as "ageBand"}.label`)}
                  value={progress.attributes[attribute.name] ?? ""}
                  onChange={(event) => update({ attributes: { ...progress.attributes, [attribute.name]: event.currentTarget.value } })}
                  data={[
                    { value: "", label: t("surveys.form.notSaying") },
                    ...attribute.options.map((o) => ({ value: o, label: t(`surveys.attributes.${attribute.name as "ageBand"}.${o as "18-29"}`) })),
                  ]}
                />
              ))}
          </Stack>
        )}
        {step.kind === "review" && (
          <Text>{t("surveys.form.reviewText", { answered, total: survey.questions.length })}</Text>
        )}
        {send.error && (
          <Alert color={alreadyAnswered ? "blue" : "red"} role="alert">
            {send.error.message}
          </Alert>
        )}
        <Group justify="space-between" gap="sm">
          <Button type="button" variant="default" size="lg" onClick={() => go(-1)} disabled={stepIndex === 0}>
            {t("surveys.form.back")}
          </Button>
          <Button type="submit" size="lg" loading={send.isPending} disabled={step.kind === "review" && answered === 0}>
            {step.kind === "review" ? t("surveys.form.send") : t("surveys.form.next")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
