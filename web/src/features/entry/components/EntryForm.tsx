import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { KNOWN_CHANNELS } from "../../opinions/channels";
import { MAX_CONTENT_LENGTH, OPINION_KINDS, type OpinionKind } from "../../opinions/api";
import { useTopics } from "../../opinions/hooks/useTopics";
import { useUnits } from "../../units/hooks/useUnits";
import { orderUnitsAsTree } from "../../units/unit-tree";
import type { EntryBody } from "../api";
import { newClientKey } from "../entry-queue";
import { DateField } from "../../../ui/DateField";
import { instantOfVietnamTime, nowInVietnam, todayInVietnam, vietnamTimeOf } from "../../../ui/vietnam-time";

/** Channels an officer enters by hand: everything but the citizen's own web form and QR code. */
const OFFLINE_CHANNELS = KNOWN_CHANNELS.filter((c) => c !== "web" && c !== "qr");

interface Draft {
  unitId: string;
  channel: string;
  receivedAt: string;
  kind: OpinionKind;
  topic: string;
  content: string;
  name: string;
  phone: string;
  publicConsent: boolean;
}

function fromBody(body: EntryBody): Draft {
  return {
    unitId: body.unitId,
    channel: body.channel,
    receivedAt: vietnamTimeOf(body.receivedAt),
    kind: body.kind,
    topic: body.topics[0] ?? "",
    content: body.content,
    name: body.contact?.name ?? "",
    phone: body.contact?.phone ?? "",
    publicConsent: body.publicConsent,
  };
}

/**
 * Fast keyboard entry of what people said at a forum, on the hotline, in letters or paper forms: one
 * opinion after another, unit, channel and time kept between entries; Ctrl+Enter saves. Each entry goes
 * into the browser's queue at once, so nothing typed is lost when the connection drops.
 */
export function EntryForm({
  officerUnitId,
  onAdd,
  editing,
}: {
  officerUnitId: string;
  onAdd: (body: EntryBody) => void;
  /** A refused entry taken back from the queue to be corrected. */
  editing: { body: EntryBody; seq: number } | null;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const topics = useTopics();
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState<Draft>(() => ({
    unitId: officerUnitId,
    channel: "forum",
    receivedAt: nowInVietnam(),
    kind: "reflection",
    topic: "",
    content: "",
    name: "",
    phone: "",
    publicConsent: false,
  }));
  const [clientKey, setClientKey] = useState(() => newClientKey());
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!editing) return;
    setDraft(fromBody(editing.body));
    setClientKey(editing.body.clientKey);
    contentRef.current?.focus();
  }, [editing]);

  // The officer's own unit and the units below it: where they may enter opinions.
  const unitOptions = useMemo(() => {
    const ordered = orderUnitsAsTree(units.data ?? []);
    const start = ordered.findIndex((o) => o.unit.id === officerUnitId);
    if (start < 0) return [];
    const rootDepth = ordered[start]?.depth ?? 0;
    const end = ordered.findIndex((o, i) => i > start && o.depth <= rootDepth);
    return ordered.slice(start, end < 0 ? undefined : end).map((o) => ({
      value: o.unit.id,
      label: `${"\u00a0\u00a0".repeat(o.depth - rootDepth)}${o.unit.name}`,
    }));
  }, [units.data, officerUnitId]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key === "content") setError(undefined);
  };

  const save = () => {
    const content = draft.content.normalize("NFC").trim();
    if (!content) return fail(t("entry.errors.contentRequired"));
    if (content.length > MAX_CONTENT_LENGTH) return fail(t("entry.errors.contentTooLong", { max: MAX_CONTENT_LENGTH }));
    const name = draft.name.trim();
    const phone = draft.phone.trim();
    const hasContact = Boolean(name || phone);
    onAdd({
      unitId: draft.unitId,
      channel: draft.channel,
      kind: draft.kind,
      content,
      receivedAt: instantOfVietnamTime(draft.receivedAt || nowInVietnam()),
      topics: draft.topic ? [draft.topic] : [],
      anonymous: !hasContact,
      ...(hasContact ? { contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
      publicConsent: draft.publicConsent,
      clientKey,
    });
    // Unit, channel, time and kind stay for the next speaker; what they said and who they are do not.
    setDraft((d) => ({ ...d, content: "", topic: "", name: "", phone: "", publicConsent: false }));
    setClientKey(newClientKey());
    setError(undefined);
    contentRef.current?.focus();
  };

  function fail(message: string) {
    setError(message);
    contentRef.current?.focus();
  }

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
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={t("entry.formName")} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NativeSelect
            id="entry-unit"
            label={t("entry.unit")}
            value={draft.unitId}
            onChange={(e) => set("unitId", e.currentTarget.value)}
            data={unitOptions.length ? unitOptions : [{ value: officerUnitId, label: t("common.loading") }]}
          />
          <NativeSelect
            id="entry-channel"
            label={t("entry.channel")}
            value={draft.channel}
            onChange={(e) => set("channel", e.currentTarget.value)}
            data={OFFLINE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <DateField
            id="entry-received-at"
            withTime
            required
            label={t("entry.receivedAt")}
            value={draft.receivedAt}
            maxDate={todayInVietnam()}
            onChange={(value) => set("receivedAt", value)}
          />
          <NativeSelect
            id="entry-kind"
            label={t("entry.kind")}
            value={draft.kind}
            onChange={(e) => set("kind", e.currentTarget.value as OpinionKind)}
            data={OPINION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </SimpleGrid>
        <Textarea
          id="entry-content"
          ref={contentRef}
          label={t("entry.content")}
          description={t("entry.contentHint")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={draft.content}
          onChange={(e) => set("content", e.currentTarget.value)}
          error={error}
          errorProps={{ role: "alert" }}
          required
          autosize
          minRows={4}
          maxRows={12}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            id="entry-topic"
            label={t("entry.topic")}
            value={draft.topic}
            onChange={(e) => set("topic", e.currentTarget.value)}
            data={[{ value: "", label: t("entry.noTopic") }, ...(topics.data ?? []).map((tp) => ({ value: tp.code, label: tp.name }))]}
          />
          <TextInput id="entry-name" label={t("entry.name")} value={draft.name} maxLength={100} onChange={(e) => set("name", e.currentTarget.value)} />
          <TextInput
            id="entry-phone"
            type="tel"
            label={t("entry.phone")}
            value={draft.phone}
            maxLength={20}
            onChange={(e) => set("phone", e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox
          id="entry-consent"
          label={t("entry.publicConsent")}
          checked={draft.publicConsent}
          onChange={(e) => set("publicConsent", e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit">{t("entry.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}
