import { Button, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Notice } from "../../../ui/Notice";
import { MAX_CONTENT_LENGTH, WORKFLOW_KINDS, type OpinionKind } from "../../opinions/api";
import { sendForumOpinion } from "../api";
import { ForumTopicChips } from "./ForumTopicChips";

/**
 * A citizen's opinion to a forum from a phone, with one topic if they tap one: anonymous unless a name or phone is
 * given; the chair decides what is shown.
 */
export function ForumOpinionForm({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const [content, setContent] = useState("");
  const [kind, setKind] = useState<OpinionKind>("recommendation");
  const [topics, setTopics] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = content.normalize("NFC").trim();
    if (!text) return setError(t("forums.send.contentRequired"));
    setSending(true);
    setError(null);
    try {
      const contact = { ...(name.trim() ? { name: name.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
      const anonymous = Object.keys(contact).length === 0;
      const topic = topics[0];
      const result = await sendForumOpinion(forumId, { content: text, kind, anonymous, ...(anonymous ? {} : { contact }), ...(topic ? { topic } : {}) });
      setReceipt(result.trackingCode);
      setContent("");
      setTopics([]);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="forum-send-title" noValidate>
      <Stack gap="sm">
        {receipt && (
          <Notice title={t("forums.send.sentTitle")}>
            <Text>{t("forums.send.sent")}</Text>
            <Text>
              {t("forums.send.trackingCode")}: <Link to={`/track/${encodeURIComponent(receipt)}`}>{receipt}</Link>
            </Text>
          </Notice>
        )}
        {error && <ErrorAlert title={t("forums.send.error")}>{error}</ErrorAlert>}
        <Textarea
          label={t("forums.send.content")}
          description={t("forums.send.contentHint")}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          minRows={3}
          autosize
          maxLength={MAX_CONTENT_LENGTH}
          required
        />
        <NativeSelect
          label={t("forums.send.kind")}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as OpinionKind)}
          data={WORKFLOW_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <ForumTopicChips legend={t("forums.topics.phone")} value={topics} onChange={setTopics} single />
        <TextInput label={t("forums.send.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="name" />
        <TextInput label={t("forums.send.phone")} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} autoComplete="tel" inputMode="tel" />
        <Text size="sm">{t("forums.send.privacy")}</Text>
        <Button type="submit" loading={sending}>
          {t("forums.send.submit")}
        </Button>
      </Stack>
    </form>
  );
}
