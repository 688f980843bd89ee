import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useTopics } from "../../opinions/hooks/useTopics";
import { markItem, moderateItem, setItemTopics, type ForumMark, type ModerationItem } from "../api";
import { ForumTopicChips } from "./ForumTopicChips";

const MODERATION_COLOR = { pending: "#a84300", shown: "#176236", hidden: "#5c5c5c" } as const;
const MARKS: ForumMark[] = ["on_spot", "written", "transferred", "out_of_scope"];

function MarkForm({ forumId, item }: { forumId: string; item: ModerationItem }) {
  const { t } = useTranslation();
  const [mark, setMark] = useState<ForumMark>("on_spot");
  const [note, setNote] = useState("");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await markItem(forumId, item.id, { mark, ...(note.trim() ? { note: note.trim() } : {}), ...(mark === "transferred" ? { to: to.trim() } : {}) });
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  return (
    <Stack gap={6}>
      {error && <ErrorAlert title={t("forums.chair.markError")}>{error}</ErrorAlert>}
      <Group align="end" gap="xs" wrap="wrap">
        <NativeSelect
          label={t("forums.chair.mark")}
          value={mark}
          onChange={(e) => setMark(e.currentTarget.value as ForumMark)}
          data={MARKS.map((m) => ({ value: m, label: t(`forums.mark.${m}`) }))}
        />
        {mark === "transferred" && <TextInput label={t("forums.chair.transferTo")} value={to} onChange={(e) => setTo(e.currentTarget.value)} />}
        <TextInput
          style={{ flex: 1, minWidth: 220 }}
          label={mark === "on_spot" ? t("forums.chair.answerNote") : t("forums.chair.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button onClick={() => void submit()}>{t("forums.chair.saveMark")}</Button>
      </Group>
    </Stack>
  );
}

function ItemTopics({ forumId, item }: { forumId: string; item: ModerationItem }) {
  const { t } = useTranslation();
  const names = new Map((useTopics().data ?? []).map((topic) => [topic.code, topic.name]));
  const [isEditing, setIsEditing] = useState(false);
  const [topics, setTopics] = useState(item.topics);
  const [error, setError] = useState<string | null>(null);
  const change = async (next: string[]) => {
    setTopics(next);
    setError(null);
    try {
      setTopics((await setItemTopics(forumId, item.id, next)).topics);
    } catch (caught) {
      setTopics(item.topics);
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  const shown = isEditing ? topics : item.topics;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm">
          <strong>{t("forums.topics.chair")}:</strong>{" "}
          {shown.length ? shown.map((code) => names.get(code) ?? code).join("; ") : t("forums.topics.none")}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-expanded={isEditing}
          onClick={() => {
            setTopics(item.topics);
            setIsEditing(!isEditing);
          }}
        >
          {isEditing ? t("forums.topics.done") : t("forums.topics.edit")}
        </Button>
      </Group>
      {error && <ErrorAlert title={t("forums.topics.saveError")}>{error}</ErrorAlert>}
      {isEditing && <ForumTopicChips legend={t("forums.topics.chairLegend")} value={topics} onChange={(next) => void change(next)} />}
    </Stack>
  );
}

/**
 * The chair's screen: every opinion as it arrives (pending ones from phones first), what it says in full
 * and what the screens would show, with show / hide / present now, the mark and the topics.
 */
export function ModerationBoard({ forumId, items }: { forumId: string; items: ModerationItem[] }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const moderate = async (itemId: string, action: "show" | "hide" | "present") => {
    setError(null);
    try {
      await moderateItem(forumId, itemId, action);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  const ordered = [...items].sort((a, b) => Number(b.moderation === "pending") - Number(a.moderation === "pending"));
  if (items.length === 0) return <Text>{t("forums.chair.empty")}</Text>;
  return (
    <Stack gap="sm">
      {error && <ErrorAlert title={t("forums.chair.error")}>{error}</ErrorAlert>}
      <ol className="forum-opinions" aria-label={t("forums.chair.listLabel")}>
        {ordered.map((item) => (
          <li key={item.id}>
            <Paper withBorder p="sm" radius="md" data-testid="moderation-item" data-moderation={item.moderation}>
              <Stack gap={6}>
                <Group gap="xs">
                  <Badge color={MODERATION_COLOR[item.moderation]} variant="filled" radius="sm" tt="none">
                    {t(`forums.moderation.${item.moderation}`)}
                  </Badge>
                  {item.isCurrent && (
                    <Badge color="#a61e1e" variant="filled" radius="sm" tt="none">
                      {t("forums.chair.current")}
                    </Badge>
                  )}
                  <Text size="sm">
                    {t(`forums.source.${item.source}`)}
                    {item.speaker ? ` · ${item.speaker}` : ""} · {item.trackingCode} · +{item.supportCount}
                  </Text>
                  {item.mark && (
                    <Badge variant="light" color="dark" radius="sm" tt="none">
                      {t(`forums.mark.${item.mark}`)}
                    </Badge>
                  )}
                </Group>
                <Text>{item.originalText}</Text>
                {item.text !== item.originalText && (
                  <Text size="sm">
                    <strong>{t("forums.chair.screenText")}:</strong> {item.text}
                  </Text>
                )}
                <ItemTopics forumId={forumId} item={item} />
                <Group gap="xs">
                  {item.moderation !== "shown" && (
                    <Button size="xs" variant="outline" onClick={() => void moderate(item.id, "show")}>
                      {t("forums.chair.show")}
                    </Button>
                  )}
                  {!item.isCurrent && !item.mark && (
                    <Button size="xs" onClick={() => void moderate(item.id, "present")}>
                      {t("forums.chair.present")}
                    </Button>
                  )}
                  {item.moderation !== "hidden" && (
                    <Button size="xs" variant="outline" color="#a61e1e" onClick={() => void moderate(item.id, "hide")}>
                      {t("forums.chair.hide")}
                    </Button>
                  )}
                </Group>
                {!item.mark && item.moderation !== "pending" && <MarkForm forumId={forumId} item={item} />}
                {item.markNote && <Text size="sm">{item.markNote}</Text>}
              </Stack>
            </Paper>
          </li>
        ))}
      </ol>
    </Stack>
  );
}
