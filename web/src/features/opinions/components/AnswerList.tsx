import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import type { OpinionAnswer } from "../api";

/** Badge colours, each ≥ 4.5:1 against white text. */
const STATUS_COLOR = { pending: "#a84300", approved: "#176236", returned: "#c92a2a" } as const;

/**
 * The answers and drafts, oldest first: who wrote each, whether a leader approved or returned it, and why; beside
 * the latest approved answer, the written answer letter (Decree 30) to download.
 */
export function AnswerList({ opinionId, answers }: { opinionId: string; answers: OpinionAnswer[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <Text>{t("opinion.noAnswers")}</Text>;
  const latestApproved = answers.findLast((answer) => answer.status === "approved");
  return (
    <Stack gap="sm" component="ol" className="plain-list" data-testid="answer-list">
      {answers.map((answer) => (
        <Paper key={answer.id} component="li" withBorder p="md" radius="md" data-answer-status={answer.status}>
          <Group gap="xs" mb="xs">
            <Badge variant="filled" color={STATUS_COLOR[answer.status]} radius="sm" tt="none">
              {t(`answer.status.${answer.status}`)}
            </Badge>
            {answer.method === "on_spot" && (
              <Badge variant="filled" color="#495057" radius="sm" tt="none">
                {t("answer.onSpot")}
              </Badge>
            )}
          </Group>
          <Text className="prewrap">{answer.content}</Text>
          <Text size="sm" c="dimmed" mt="xs">
            {answer.authorName} · <DateTime value={answer.createdAt} />
            {answer.reviewerName && answer.status !== "pending" && answer.reviewerName !== answer.authorName && (
              <> · {t(`answer.reviewedBy.${answer.status}`, { name: answer.reviewerName })}</>
            )}
          </Text>
          {answer === latestApproved && (
            <Button component="a" href={`/api/opinions/${opinionId}/answer-letter.docx`} download variant="light" size="xs" mt="xs">
              {t("answer.letter")}
            </Button>
          )}
          {answer.reviewComment && (
            <Text size="sm" mt="xs" className="prewrap">
              {t("answer.reviewComment", { comment: answer.reviewComment })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
