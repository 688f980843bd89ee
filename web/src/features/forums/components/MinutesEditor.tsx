import { Anchor, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { DateTime } from "../../../ui/DateTime";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { fetchMinutes, finaliseMinutes, forumKeys, saveMinutes, type Forum } from "../api";

/** The minutes: attendees, proceedings, closing, editable until a leader finalises them; then read-only. */
export function MinutesEditor({ forum }: { forum: Forum }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const minutes = useQuery({ queryKey: forumKeys.minutes(forum.id), queryFn: ({ signal }) => fetchMinutes(forum.id, signal) });
  const [draft, setDraft] = useState({ attendees: "", proceedings: "", closingNote: "" });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  useEffect(() => {
    if (minutes.data) setDraft({ attendees: minutes.data.attendees, proceedings: minutes.data.proceedings, closingNote: minutes.data.closingNote });
  }, [minutes.data]);
  if (!minutes.data) return <LoadingState label={t("common.loading")} />;
  const isFinal = minutes.data.status === "final";
  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await work();
      setSaved(message);
      await queryClient.invalidateQueries({ queryKey: forumKeys.minutes(forum.id) });
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  const field = (key: keyof typeof draft) => (
    <Textarea label={t(`forums.minutes.${key}`)} value={draft[key]} readOnly={isFinal} onChange={(e) => {
        const value = e.currentTarget.value;
        setDraft((d) => ({ ...d, [key]: value }));
      }} minRows={2} autosize />
  );
  return (
    <Stack gap="sm">
      {error && <ErrorAlert title={t("forums.minutes.error")}>{error}</ErrorAlert>}
      <Text role="status" aria-live="polite">
        {saved}
      </Text>
      {isFinal && minutes.data.finalisedAt && (
        <Text data-testid="minutes-final">
          {t("forums.minutes.finalised")} <DateTime value={minutes.data.finalisedAt} /> · SHA-256 {minutes.data.contentHash?.slice(0, 16)}…
        </Text>
      )}
      {field("attendees")}
      {field("proceedings")}
      {field("closingNote")}
      <Group>
        {!isFinal && forum.canRun && (
          <Button onClick={() => void run(() => saveMinutes(forum.id, draft), t("forums.minutes.saved"))}>{t("forums.minutes.save")}</Button>
        )}
        {!isFinal && forum.canFinaliseMinutes && forum.status === "ended" && (
          <Button color="#a61e1e" onClick={() => void run(() => finaliseMinutes(forum.id), t("forums.minutes.finalisedNow"))}>
            {t("forums.minutes.finalise")}
          </Button>
        )}
        <Anchor href={`/api/forums/${forum.id}/minutes.docx`} download>
          {isFinal ? t("forums.minutes.download") : t("forums.minutes.downloadDraft")}
        </Anchor>
      </Group>
    </Stack>
  );
}
