import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import type { EntryBody } from "../../entry/api";
import { EntryQueue } from "../../entry/components/EntryQueue";
import { newClientKey } from "../../entry/entry-queue";
import { useEntryQueue } from "../../entry/hooks/useEntryQueue";
import { MAX_CONTENT_LENGTH, WORKFLOW_KINDS, type OpinionKind } from "../../opinions/api";
import { sendSecretaryEntry } from "../api";
import { ForumTopicChips } from "./ForumTopicChips";

/**
 * The secretary's fast entry of spoken opinions: content, kind, who spoke (may stay empty), topics as chips;
 * Ctrl+Enter saves. Entries wait in this browser's queue until the server has them — the officer entry's queue, so a
 * bad connection loses nothing and a resend stores nothing twice.
 */
export function SecretaryEntry({ forumId, unitId, userId }: { forumId: string; unitId: string; userId: string }) {
  const { t } = useTranslation();
  const send = useCallback(
    (body: EntryBody) =>
      sendSecretaryEntry(forumId, {
        content: body.content,
        kind: body.kind,
        ...(body.speaker ? { speaker: body.speaker } : {}),
        topics: body.topics,
        receivedAt: body.receivedAt,
        clientKey: body.clientKey,
      }),
    [forumId],
  );
  const entries = useEntryQueue(userId, { storageId: `${userId}.forum.${forumId}`, send });
  const [content, setContent] = useState("");
  const [speaker, setSpeaker] = useState("");
  const [kind, setKind] = useState<OpinionKind>("recommendation");
  const [topics, setTopics] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);

  const save = () => {
    const text = content.normalize("NFC").trim();
    if (!text) {
      setError(t("forums.send.contentRequired"));
      contentRef.current?.focus();
      return;
    }
    entries.add({
      unitId,
      channel: "forum",
      kind,
      content: text,
      receivedAt: new Date().toISOString(),
      topics,
      anonymous: true,
      publicConsent: false,
      clientKey: newClientKey(),
      ...(speaker.trim() ? { speaker: speaker.trim() } : {}),
    });
    setContent("");
    setSpeaker("");
    setTopics([]);
    setError(null);
    contentRef.current?.focus();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  return (
    <Stack gap="sm">
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={t("forums.secretary.formName")} noValidate>
        <Stack gap="sm">
          {error && <ErrorAlert title={t("forums.send.error")}>{error}</ErrorAlert>}
          <Textarea
            ref={contentRef}
            label={t("forums.secretary.content")}
            description={t("forums.secretary.hint")}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            minRows={3}
            autosize
            maxLength={MAX_CONTENT_LENGTH}
            required
          />
          <Group grow align="start">
            <TextInput label={t("forums.secretary.speaker")} description={t("forums.secretary.speakerHint")} value={speaker} onChange={(e) => setSpeaker(e.currentTarget.value)} />
            <NativeSelect
              label={t("forums.send.kind")}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as OpinionKind)}
              data={WORKFLOW_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Group>
          <ForumTopicChips legend={t("forums.topics.secretary")} value={topics} onChange={setTopics} />
          <Button type="submit">{t("forums.secretary.save")}</Button>
        </Stack>
      </form>
      <EntryQueue
        queue={entries.queue}
        isOnline={entries.isOnline}
        isSending={entries.isSending}
        pendingCount={entries.pendingCount}
        onEdit={(key) => {
          const body = entries.take(key);
          if (body) {
            setContent(body.content);
            setSpeaker(body.speaker ?? "");
            setTopics(body.topics);
          }
        }}
        onRemove={entries.remove}
        onClearSent={entries.clearSent}
      />
    </Stack>
  );
}
