import { Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewAnswer, type OpinionAnswer } from "../api";
import { useOpinionMutation } from "../hooks/useOpinionMutation";

/**
 * A leader's review of the officer's draft answer: approve it (the citizen sees it at once) or send it
 * back with a comment (required) for the officer to rework.
 */
export function AnswerReview({ opinionId, draft, onDone }: { opinionId: string; draft: OpinionAnswer; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const mutation = useOpinionMutation(
    (decision: "approve" | "return") =>
      reviewAnswer({ opinionId, answerId: draft.id, decision, comment: decision === "return" ? comment.trim() : undefined }),
    (_, decision) => onDone(t(decision === "approve" ? "review.approved" : "review.returned")),
  );

  const decide = (decision: "approve" | "return") => {
    if (decision === "return" && comment.trim() === "") {
      setCommentError(t("review.commentRequired"));
      document.getElementById("review-comment")?.focus();
      return;
    }
    mutation.mutate(decision);
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="answer-review">
      <Stack gap="sm">
        <Text fw={600}>{t("review.draftBy", { name: draft.authorName })}</Text>
        <Text className="prewrap" data-testid="review-draft">
          {draft.content}
        </Text>
        <Textarea
          id="review-comment"
          label={t("review.comment")}
          description={t("review.commentHint")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            setCommentError(undefined);
          }}
          error={commentError ?? mutation.error?.message}
          errorProps={{ role: "alert" }}
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Group gap="sm">
          <Button onClick={() => decide("approve")} loading={mutation.isPending && mutation.variables === "approve"}>
            {t("review.approve")}
          </Button>
          <Button variant="outline" color="red.8" onClick={() => decide("return")} loading={mutation.isPending && mutation.variables === "return"}>
            {t("review.return")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
