import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../app/api-client";
import { DateTime } from "../../../ui/DateTime";
import { Fact } from "../../../ui/Fact";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { isOpenStatus } from "../api";
import { useTrackedOpinion } from "../hooks/useTrackedOpinion";
import { OpinionTimeline } from "./OpinionTimeline";
import { RatingForm } from "./RatingForm";
import { ReopenForm } from "./ReopenForm";
import { StatusBadge } from "./StatusBadge";

const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;
/** Red of the "overdue" badge: ≥ 4.5:1 with its white text. */
const OVERDUE_RED = "#c92a2a";

/**
 * What a citizen sees for a tracking code: status, timeline and the unit's answer, and, when the server
 * allows it, the forms to rate the answer and to ask, once, for another look.
 */
export function TrackingResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data: opinion, error, isPending } = useTrackedOpinion(code);
  // What the last rating or reopening did, for this code: said in a live region the forms do not live in,
  // since each form disappears once the server no longer allows it.
  const [announcement, setAnnouncement] = useState<{ code: string; message: string } | null>(null);
  const announcementRef = useRef<HTMLDivElement>(null);

  const announce = (message: string) => {
    setAnnouncement({ code, message });
    // The form that had the focus is gone: put the focus on the result instead of losing it.
    window.setTimeout(() => announcementRef.current?.focus(), 0);
  };

  if (isPending) return <LoadingState label={t("track.loading")} />;
  if (error) {
    if (isApiError(error) && error.code === "opinion.not_found") {
      return (
        <ErrorAlert title={t("track.notFoundTitle")}>
          <span data-testid="tracking-not-found">{t("track.notFound", { code })}</span>
        </ErrorAlert>
      );
    }
    return <ErrorAlert title={t("track.errorTitle")}>{error.message}</ErrorAlert>;
  }

  const message = announcement?.code === code ? announcement.message : "";
  const ratingLevel = SATISFACTION_SCORES.find((score) => score === opinion.rating);
  // The unit still owes an answer: the (new) deadline is worth showing.
  const isAwaitingAnswer = isOpenStatus(opinion.status);

  return (
    <Stack gap="lg" component="section" aria-labelledby="tracked-opinion-title">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} id="tracked-opinion-title">
            {t("track.resultTitle")}{" "}
            <span className="code" translate="no" data-testid="tracked-code">
              {opinion.trackingCode}
            </span>
          </Title>
          <Group gap="xs">
            <Text fw={600}>{t("opinion.status")}:</Text>
            <StatusBadge status={opinion.status} size="lg" />
            {opinion.isOverdue && (
              <Badge color={OVERDUE_RED} variant="filled" size="lg" radius="sm" tt="none" data-testid="tracked-overdue">
                {t("opinion.overdue")}
              </Badge>
            )}
          </Group>
          <dl className="facts">
            <Fact label={t("opinion.kind")}>{t(`kind.${opinion.kind}`, { defaultValue: opinion.kind })}</Fact>
            <Fact label={t("opinion.unit")}>
              <Anchor component={Link} to={`/units/${opinion.unitId}`}>
                {opinion.unitName}
              </Anchor>
            </Fact>
            <Fact label={t("opinion.createdAt")}><DateTime value={opinion.createdAt} /></Fact>
            {opinion.answerDueAt && (!opinion.answer || isAwaitingAnswer) && (
              <Fact label={t("opinion.expectedAnswer")}>
                <DateTime value={opinion.answerDueAt} />
              </Fact>
            )}
          </dl>
        </Stack>
      </Paper>

      <div
        ref={announcementRef}
        role="status"
        aria-live="polite"
        tabIndex={-1}
        className={message ? "feedback-announcement feedback-announcement--shown" : "feedback-announcement"}
        data-testid="feedback-announcement"
      >
        {message}
      </div>

      <section aria-labelledby="tracked-answer-title">
        <Title order={3} id="tracked-answer-title" mb="xs">
          {t("track.answerTitle")}
        </Title>
        {opinion.answer ? (
          <Paper withBorder p="md" radius="md" className="answer">
            {opinion.answer.method === "on_spot" && (
              <Text fw={700} mb="xs" data-testid="tracked-answer-on-spot">
                {t("feedback.onSpot")}
              </Text>
            )}
            <Text className="prewrap" data-testid="tracked-answer">
              {opinion.answer.content}
            </Text>
            <Text size="sm" c="dimmed" mt="sm">
              {t("track.answeredAt")} <DateTime value={opinion.answer.answeredAt} />
            </Text>
            {ratingLevel !== undefined && (
              <Box component="dl" className="facts" mt="md" data-testid="tracked-rating">
                <Fact label={t("feedback.rating.given")}>{t(`feedback.rating.levels.${ratingLevel}`)}</Fact>
              </Box>
            )}
          </Paper>
        ) : (
          <Text>{t("track.noAnswer")}</Text>
        )}
      </section>

      {opinion.canRate && <RatingForm code={code} onRated={() => announce(t("feedback.rating.done"))} />}
      {opinion.canReopen && <ReopenForm code={code} onReopened={() => announce(t("feedback.reopen.done"))} />}

      <section aria-labelledby="tracked-history-title">
        <Title order={3} id="tracked-history-title" mb="sm">
          {t("opinion.history")}
        </Title>
        <OpinionTimeline history={opinion.history} labelledBy="tracked-history-title" />
      </section>
    </Stack>
  );
}
