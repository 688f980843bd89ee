import { FileInput, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { forumKeys, uploadReportFile } from "../api";

const ACCEPT = ".pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg";

/** Attaches the unit's report (PDF, Word, PowerPoint, Excel or an image) to a forum; its public page offers it. */
export function ReportFileUpload({ forumId, current }: { forumId: string; current: { name: string; size: number } | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const onChange = async (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return;
    setError(null);
    setStatus(t("forums.report.uploading"));
    try {
      const saved = await uploadReportFile(forumId, chosen);
      setStatus(t("forums.report.uploaded", { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: forumKeys.forum(forumId) });
    } catch (caught) {
      setStatus("");
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  return (
    <Stack gap={4}>
      <FileInput
        id={inputId}
        // The button's name is the label followed by its text, so the chosen file's name is read out too.
        aria-labelledby={`${inputId}-label ${inputId}`}
        label={t("forums.report.label")}
        placeholder={t("forums.report.placeholder")}
        accept={ACCEPT}
        value={file}
        onChange={(chosen) => void onChange(chosen)}
        maw={480}
      />
      <Text size="sm">{current ? t("forums.report.current", { name: current.name }) : t("forums.report.none")}</Text>
      <Text size="sm" role="status" aria-live="polite">
        {status}
      </Text>
      {error && <ErrorAlert title={t("forums.report.error")}>{error}</ErrorAlert>}
    </Stack>
  );
}
