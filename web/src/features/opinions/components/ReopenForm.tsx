import { Button, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useReopenOpinion } from "../hooks/useReopenOpinion";
import { normaliseContent } from "../submit-validation";

/** Longest reason accepted, as the server accepts. */
const MAX_REASON_LENGTH = 1000;
const MAX_SHOWN = MAX_REASON_LENGTH.toLocaleString("vi-VN");

const REASON_ID = "reopen-reason";

interface ReopenFormProps {
  /** Tracking code, compact as in the page address. */
  code: string;
  /** Called once the request is saved and the opinion refreshed (the form is then gone: it is allowed once). */
  onReopened: () => void;
}

/** "Đề nghị xem xét lại": the citizen asks, once and with a reason, for the answered opinion to be looked at again. */
export function ReopenForm({ code, onReopened }: ReopenFormProps) {
  const { t } = useTranslation();
  const mutation = useReopenOpinion(code);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const length = normaliseContent(reason).length;

  const fail = (message: string) => {
    setError(message);
    document.getElementById(REASON_ID)?.focus();
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = normaliseContent(reason);
    if (text === "") return fail(t("feedback.reopen.errors.reasonRequired"));
    if (text.length > MAX_REASON_LENGTH) return fail(t("feedback.reopen.errors.reasonTooLong", { max: MAX_SHOWN }));
    setError(null);
    try {
      await mutation.mutateAsync(text);
      onReopened();
    } catch (caught) {
      fail(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reopen-title">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t("feedback.reopen.formName")}>
        <Stack gap="md">
          <Title order={3} id="reopen-title">
            {t("feedback.reopen.title")}
          </Title>
          <Text>{t("feedback.reopen.intro")}</Text>
          <Textarea
            id={REASON_ID}
            label={t("feedback.reopen.reason")}
            description={t("feedback.reopen.reasonHint", { length: length.toLocaleString("vi-VN"), max: MAX_SHOWN })}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              if (error) setError(null);
            }}
            error={error ?? undefined}
            errorProps={{ role: "alert" }}
            required
            autosize
            minRows={4}
            maxRows={10}
          />
          <div>
            <Button type="submit" size="md" variant="outline" loading={mutation.isPending}>
              {t("feedback.reopen.submit")}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
