import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import type { OpinionAnswer } from "../api";

/** The answers already given, oldest first. */
export function AnswerList({ answers }: { answers: OpinionAnswer[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <Text>{t("opinion.noAnswers")}</Text>;
  return (
    <Stack gap="sm" component="ol" className="plain-list" data-testid="answer-list">
      {answers.map((answer) => (
        <Paper key={answer.id} component="li" withBorder p="md" radius="md">
          <Text className="prewrap">{answer.content}</Text>
          <Text size="sm" c="dimmed" mt="xs">
            {answer.authorName} · <DateTime value={answer.createdAt} />
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
