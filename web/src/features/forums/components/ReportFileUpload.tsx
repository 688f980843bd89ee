import { Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { forumKeys, uploadReportFile } from "../api";

/** Attaches the unit's report (PDF, Word, PowerPoint, Excel or an image) to a forum; its public page offers it. */
export function ReportFileUpload({ forumId, current }: { forumId: string; current: { name: string; size: number } | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setError(null);
    setStatus(t("forums.report.uploading"));
    try {
      const saved = await uploadReportFile(forumId, file);
      setStatus(t("forums.report.uploaded", { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: forumKeys.forum(forumId) });
    } catch (caught) {
      setStatus("");
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  return (
    <Stack gap={4}>
      <label htmlFor={inputId}>
        <Text fw={600} span>
          {t("forums.report.label")}
        </Text>
      </label>
      <input id={inputId} type="file" accept=".pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg" onChange={(e) => void onChange(e)} />
      <Text size="sm">{current ? t("forums.report.current", { name: current.name }) : t("forums.report.none")}</Text>
      <Text size="sm" role="status" aria-live="polite">
        {status}
      </Text>
      {error && <ErrorAlert title={t("forums.report.error")}>{error}</ErrorAlert>}
    </Stack>
  );
}
