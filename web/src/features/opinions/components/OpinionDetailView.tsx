import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../app/api-client";
import { DateTime } from "../../../ui/DateTime";
import { DueDate } from "../../../ui/DueDate";
import { formatDateTime } from "../../../ui/format-date-time";
import { Fact } from "../../../ui/Fact";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { isKnownChannel } from "../channels";
import { useMe } from "../../auth/hooks/useMe";
import { useOpinion } from "../hooks/useOpinion";
import { useTopics } from "../hooks/useTopics";
import { AnswerForm } from "./AnswerForm";
import { AnswerList } from "./AnswerList";
import { AnswerReview } from "./AnswerReview";
import { SimilarOpinions } from "./SimilarOpinions";
import { RemedialActions } from "../../remedies/components/RemedialActions";
import { StepPanel } from "./StepPanel";
import { ContactReveal } from "./ContactReveal";
import { OpinionTimeline } from "./OpinionTimeline";
import { StatusBadge } from "./StatusBadge";

/**
 * An opinion as the officer sees it: facts, content, the next steps of the workflow, answers and their
 * review, contact details (leaders) and the timeline.
 */
export function OpinionDetailView({ opinionId }: { opinionId: string }) {
  const { t } = useTranslation();
  const { data: opinion, error, isPending } = useOpinion(opinionId);
  const me = useMe();
  const topicNames = new Map((useTopics().data ?? []).map((topic) => [topic.code, topic.name]));
  const [announcement, setAnnouncement] = useState("");

  if (isPending) return <LoadingState label={t("common.loading")} />;
  if (error) {
    const title = isApiError(error) && error.code === "opinion.not_found" ? t("detail.notFound") : t("detail.loadError");
    return <ErrorAlert title={title}>{error.message}</ErrorAlert>;
  }

  const channel = isKnownChannel(opinion.channel) ? t(`channel.${opinion.channel}`) : opinion.channel;
  const pendingDraft = opinion.answers.find((a) => a.status === "pending");
  const canReview = Boolean(pendingDraft) && opinion.actions.includes("approve_answer");
  const isLeader = me.data?.role === "leader";

  return (
    <Stack gap="xl">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="detail-summary-title">
        <Stack gap="sm">
          <Group gap="sm" justify="space-between" wrap="wrap">
            <Title order={2} id="detail-summary-title">
              {t("opinion.trackingCode")}:{" "}
              <span className="code" translate="no" data-testid="detail-code">
                {opinion.trackingCode}
              </span>
            </Title>
            <StatusBadge status={opinion.status} size="lg" />
          </Group>
          <dl className="facts">
            <Fact label={t("opinion.kind")}>{t(`kind.${opinion.kind}`, { defaultValue: opinion.kind })}</Fact>
            <Fact label={t("opinion.channel")}>{channel}</Fact>
            {opinion.forum && (
              <Fact label={t("opinion.forum")}>
                <Anchor component={Link} to={`/console/forums/${encodeURIComponent(opinion.forum.id)}`} data-testid="detail-forum">
                  {t("opinion.forumLink", { title: opinion.forum.title, date: formatDateTime(opinion.forum.startsAt).slice(0, 10) })}
                </Anchor>
              </Fact>
            )}
            <Fact label={t("opinion.unit")}>{opinion.unitName}</Fact>
            <Fact label={t("opinion.createdAt")}><DateTime value={opinion.createdAt} /></Fact>
            <Fact label={t("opinion.answerDueAt")}>
              <DueDate value={opinion.answerDueAt} isOverdue={opinion.isOverdue} overdueLabel={t("opinion.overdue")} />
            </Fact>
            <Fact label={t("opinion.sender")}>{opinion.isAnonymous ? t("opinion.anonymous") : opinion.hasContact ? t("opinion.withContact") : t("opinion.noContact")}</Fact>
            <Fact label={t("opinion.publicConsent")}>{opinion.publicConsent ? t("common.yes") : t("common.no")}</Fact>
            <Fact label={t("opinion.topics")}>
              {opinion.topics.length ? opinion.topics.map((c) => topicNames.get(c) ?? c).join("; ") : t("opinion.none")}
            </Fact>
            {opinion.contentGroup && <Fact label={t("opinion.contentGroup")}>{t(`contentGroup.${opinion.contentGroup}`)}</Fact>}
            {opinion.urgency === "urgent" && <Fact label={t("opinion.urgency")}>{t("opinion.urgent")}</Fact>}
            {opinion.assignedTo && <Fact label={t("opinion.assignee")}>{opinion.assignedTo}</Fact>}
            {opinion.locationUnitName && <Fact label={t("opinion.location")}>{opinion.locationUnitName}</Fact>}
            {opinion.concernedUnitName && <Fact label={t("opinion.concernedUnit")}>{opinion.concernedUnitName}</Fact>}
            {opinion.targetOfficer && <Fact label={t("opinion.targetOfficer")}>{opinion.targetOfficer}</Fact>}
            {opinion.routedTo && (
              <Fact label={t("opinion.routedTo")}>
                {opinion.routedTrack ? `${t(`kind.${opinion.routedTrack}`)} — ` : ""}
                {opinion.routedTo}
              </Fact>
            )}
            {opinion.transferredTo && <Fact label={t("opinion.transferredTo")}>{opinion.transferredTo}</Fact>}
            {opinion.mergedIntoCode && <Fact label={t("opinion.mergedInto")}>{opinion.mergedIntoCode}</Fact>}
            {opinion.rating !== null && (
              <Fact label={t("opinion.rating")}>
                {t(`rating.${opinion.rating as 1 | 2 | 3 | 4 | 5}`)}
                {opinion.ratingComment ? ` — “${opinion.ratingComment}”` : ""}
              </Fact>
            )}
          </dl>
        </Stack>
      </Paper>

      <section aria-labelledby="detail-content-title">
        <Title order={2} id="detail-content-title" mb="xs">
          {t("opinion.content")}
        </Title>
        <Paper withBorder p="md" radius="md">
          <Text className="prewrap" data-testid="detail-content">
            {opinion.content}
          </Text>
        </Paper>
      </section>

      {opinion.canViewContact && (
        <section aria-labelledby="detail-contact-title">
          <Title order={2} id="detail-contact-title" mb="xs">
            {t("contact.title")}
          </Title>
          {opinion.hasContact ? <ContactReveal opinionId={opinion.id} /> : <Text>{t("contact.noneGiven")}</Text>}
        </section>
      )}

      <section aria-labelledby="detail-answers-title">
        <Title order={2} id="detail-answers-title" mb="xs">
          {t("opinion.answers")}
        </Title>
        <AnswerList opinionId={opinion.id} answers={opinion.answers} />
      </section>

      {canReview && pendingDraft && (
        <section aria-labelledby="detail-review-title">
          <Title order={2} id="detail-review-title" mb="xs">
            {t("review.title")}
          </Title>
          <AnswerReview opinionId={opinion.id} draft={pendingDraft} onDone={setAnnouncement} />
        </section>
      )}

      {opinion.canAnswer && (
        <section aria-labelledby="detail-answer-form-title">
          <Title order={2} id="detail-answer-form-title" mb="xs">
            {t("answer.title")}
          </Title>
          <AnswerForm
            opinionId={opinion.id}
            isDraft={!isLeader}
            onSent={() => setAnnouncement(t(isLeader ? "answer.sent" : "answer.draftSent"))}
          />
        </section>
      )}

      {opinion.actions.some((a) => a !== "submit_answer" && a !== "approve_answer" && a !== "return_answer") && (
        <section aria-labelledby="detail-steps-title">
          <Title order={2} id="detail-steps-title" mb="xs">
            {t("steps.title")}
          </Title>
          <StepPanel opinion={opinion} onDone={setAnnouncement} />
        </section>
      )}
      {opinion.actions.includes("merge") && (
        <section aria-labelledby="detail-similar-title">
          <Title order={2} id="detail-similar-title" mb="xs">
            {t("similar.title")}
          </Title>
          <SimilarOpinions opinionId={opinion.id} onDone={setAnnouncement} />
        </section>
      )}
      <section aria-labelledby="detail-remedies-title">
        <Title order={2} id="detail-remedies-title" mb="xs">
          {t("remedies.sectionTitle")}
        </Title>
        <RemedialActions opinionId={opinion.id} onChanged={setAnnouncement} />
      </section>
      <Text role="status" aria-live="polite" c="police.8" fw={600} data-testid="detail-announcement">
        {announcement}
      </Text>

      <section aria-labelledby="detail-history-title">
        <Title order={2} id="detail-history-title" mb="sm">
          {t("opinion.history")}
        </Title>
        <OpinionTimeline history={opinion.history} showActors labelledBy="detail-history-title" />
      </section>

      <div>
        <Anchor component={Link} to="/console">
          {t("detail.back")}
        </Anchor>
      </div>
    </Stack>
  );
}
