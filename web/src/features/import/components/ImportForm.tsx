import { Button, FileInput, NativeSelect, Stack } from "@mantine/core";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { KNOWN_CHANNELS } from "../../opinions/channels";
import { MAX_UPLOAD_BYTES } from "../api";
import { useUploadImport } from "../hooks/useUploadImport";
import { ImportProgress } from "./ImportProgress";

/** Channels a file can come from: everything but the citizen's own web form and QR code. */
const FILE_CHANNELS = KNOWN_CHANNELS.filter((c) => c !== "web" && c !== "qr");
const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

/**
 * Choosing a CSV/XLSX file and the channel of its rows that name none, then uploading it with a progress bar.
 * Calls `onUploaded` with the new import's id; its check runs on the server.
 */
export function ImportForm({ onUploaded }: { onUploaded: (importId: string) => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const fileRef = useRef<HTMLButtonElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [channel, setChannel] = useState("import");
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const { upload, share, isUploading, error } = useUploadImport();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return refuse(t("import.errors.noFile"));
    if (!/\.(xlsx|csv)$/i.test(file.name)) return refuse(t("import.errors.wrongType"));
    if (file.size > MAX_UPLOAD_BYTES) return refuse(t("import.errors.tooLarge"));
    setFileError(undefined);
    const id = await upload(file, channel);
    if (id) onUploaded(id);
  };

  function refuse(message: string) {
    setFileError(message);
    fileRef.current?.focus();
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label={t("import.formName")} noValidate>
      <Stack gap="sm">
        <FileInput
          id={fileId}
          ref={fileRef}
          // The button's name is the label followed by its text, so the chosen file's name is read out too.
          aria-labelledby={`${fileId}-label ${fileId}`}
          label={t("import.file")}
          description={t("import.fileHint")}
          placeholder={t("import.filePlaceholder")}
          error={fileError}
          withAsterisk
          accept={ACCEPT}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
          clearable
          clearButtonProps={{ "aria-label": t("import.fileClear") }}
          maw={480}
        />
        <NativeSelect
          label={t("import.channel")}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value)}
          data={FILE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          maw={480}
        />
        <div>
          <Button type="submit" loading={isUploading}>
            {t("import.upload")}
          </Button>
        </div>
        {share !== null && <ImportProgress label={t("import.uploadProgress")} share={share} text={t("import.uploading")} />}
        {error !== null && (
          <ErrorAlert title={t("import.uploadFailed")}>{isApiError(error) ? error.message : t("errors.network")}</ErrorAlert>
        )}
      </Stack>
    </form>
  );
}
