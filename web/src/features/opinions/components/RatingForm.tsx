import { Button, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { useRateOpinion } from "../hooks/useRateOpinion";
import { normaliseContent } from "../submit-validation";

/** The five levels of the official satisfaction scale, from the best, as they are read out on forms. */
const SATISFACTION_SCORES = [5, 4, 3, 2, 1] as const;

/** Longest comment accepted with a rating, as the server accepts. */
const MAX_COMMENT_LENGTH = 1000;
const MAX_SHOWN = MAX_COMMENT_LENGTH.toLocaleString("vi-VN");

const SCORE_ID = "rating-score";
const COMMENT_ID = "rating-comment";

interface RatingFormProps {
  /** Tracking code, compact as in the page address. */
  code: string;
  /** Called once the rating is saved and the opinion refreshed (the form is then gone). */
  onRated: () => void;
}

/** The citizen rates the answer on the 5-level scale (Rất hài lòng … Rất không hài lòng), with an optional comment. */
export function RatingForm({ code, onRated }: RatingFormProps) {
  const { t } = useTranslation();
  const mutation = useRateOpinion(code);
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<{ field: "score" | "comment"; message: string } | null>(null);

  const commentLength = normaliseContent(comment).length;

  const fail = (field: "score" | "comment", message: string) => {
    setError({ field, message });
    document.getElementById(field === "score" ? `${SCORE_ID}-${score ?? "5"}` : COMMENT_ID)?.focus();
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!score) return fail("score", t("feedback.rating.errors.scoreRequired"));
    const text = normaliseContent(comment);
    if (text.length > MAX_COMMENT_LENGTH) {
      return fail("comment", t("feedback.rating.errors.commentTooLong", { max: MAX_SHOWN }));
    }
    setError(null);
    try {
      await mutation.mutateAsync(text === "" ? { score: Number(score) } : { score: Number(score), comment: text });
      onRated();
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      fail(isApiError(caught) && caught.field?.includes("comment") ? "comment" : "score", message);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rating-title">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t("feedback.rating.formName")}>
        <Stack gap="md">
          <Title order={3} id="rating-title">
            {t("feedback.rating.title")}
          </Title>
          <Text>{t("feedback.rating.intro")}</Text>
          <Radio.Group
            label={t("feedback.rating.score")}
            value={score}
            onChange={(value) => {
              setScore(value);
              if (error?.field === "score") setError(null);
            }}
            error={error?.field === "score" ? error.message : undefined}
            errorProps={{ role: "alert" }}
            withAsterisk
          >
            <Stack gap="sm" mt="xs">
              {SATISFACTION_SCORES.map((value) => (
                <Radio
                  key={value}
                  id={`${SCORE_ID}-${value}`}
                  value={String(value)}
                  label={t(`feedback.rating.levels.${value}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            id={COMMENT_ID}
            label={t("feedback.rating.comment")}
            description={t("feedback.rating.commentHint", { length: commentLength.toLocaleString("vi-VN"), max: MAX_SHOWN })}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={comment}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              if (error?.field === "comment") setError(null);
            }}
            error={error?.field === "comment" ? error.message : undefined}
            errorProps={{ role: "alert" }}
            autosize
            minRows={3}
            maxRows={8}
          />
          <div>
            <Button type="submit" size="md" loading={mutation.isPending}>
              {t("feedback.rating.submit")}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
