import { Button, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CONTENT_LENGTH } from "../api";
import { useAnswerOpinion } from "../hooks/useAnswerOpinion";

/**
 * The answer to the citizen. An officer's is a draft that a leader approves (`isDraft`); a leader's goes out
 * at once. The form disappears once the workflow allows no further answer, so the confirmation is announced
 * by the parent through `onSent`.
 */
export function AnswerForm({ opinionId, isDraft, onSent }: { opinionId: string; isDraft: boolean; onSent: () => void }) {
  const { t } = useTranslation();
  const [content, setContent] = useState("");
  const mutation = useAnswerOpinion(opinionId, () => {
    setContent("");
    onSent();
  });
  const [clientError, setClientError] = useState<string | undefined>(undefined);

  const length = content.normalize("NFC").trim().length;
  const error = clientError ?? mutation.error?.message;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = content.normalize("NFC").trim();
    if (text === "") return fail(t("answer.errors.required"));
    if (text.length > MAX_CONTENT_LENGTH) return fail(t("answer.errors.tooLong", { max: MAX_CONTENT_LENGTH.toLocaleString("vi-VN") }));
    setClientError(undefined);
    mutation.mutate(text, { onError: () => document.getElementById("answer-content")?.focus() });
  };

  function fail(message: string) {
    setClientError(message);
    document.getElementById("answer-content")?.focus();
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t("answer.formName")}>
      <Stack gap="sm">
        <Textarea
          id="answer-content"
          label={t("answer.label")}
          description={t(isDraft ? "answer.draftHint" : "answer.hint", { length: length.toLocaleString("vi-VN"), max: MAX_CONTENT_LENGTH.toLocaleString("vi-VN") })}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={content}
          onChange={(event) => {
            setContent(event.currentTarget.value);
            if (clientError) setClientError(undefined);
            if (mutation.isError) mutation.reset();
          }}
          error={error}
          errorProps={{ role: "alert" }}
          required
          autosize
          minRows={5}
          maxRows={14}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t(isDraft ? "answer.submitDraft" : "answer.submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
