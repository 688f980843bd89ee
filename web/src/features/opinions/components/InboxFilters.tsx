import { Button, Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { KNOWN_CHANNELS } from "../channels";
import { OPINION_KINDS, OPINION_STATUSES, type InboxFilter } from "../api";
import { useTopics } from "../hooks/useTopics";
import { parseInboxFilter } from "../inbox-filter";
import { DateField } from "../../../ui/DateField";

interface InboxFiltersProps {
  value: InboxFilter;
  onChange: (filter: InboxFilter) => void;
}

/**
 * The inbox's search and filters: words (with or without diacritics), status, kind, channel, topic, period,
 * overdue and "assigned to me". Native controls, applied together with one button (or Enter), so that a
 * keyboard or screen-reader user is never surprised by a list changing under them.
 */
export function InboxFilters({ value, onChange }: InboxFiltersProps) {
  const { t } = useTranslation();
  const topics = useTopics();
  const [draft, setDraft] = useState<InboxFilter>(value);
  useEffect(() => setDraft(value), [value]);

  const set = (key: keyof InboxFilter, next: string | boolean) => setDraft((d) => ({ ...d, [key]: next === "" ? undefined : next }));
  const select = (key: "status" | "kind" | "channel" | "topic", options: { value: string; label: string }[]) => (
    <NativeSelect
      id={`inbox-filter-${key}`}
      label={t(`inbox.filters.${key}`)}
      value={draft[key] ?? ""}
      onChange={(event) => set(key, event.currentTarget.value)}
      data={[{ value: "", label: t("inbox.filterAll") }, ...options]}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Round-trip through the address form: the same validation as a pasted link.
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v !== undefined && v !== false && v !== "") params.set(k, String(v));
    onChange(parseInboxFilter(params));
  };

  return (
    <form role="search" aria-label={t("inbox.filters.name")} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          id="inbox-filter-q"
          type="search"
          label={t("inbox.filters.q")}
          description={t("inbox.filters.qHint")}
          value={draft.q ?? ""}
          onChange={(event) => set("q", event.currentTarget.value)}
          maxLength={200}
        />
        {select("status", OPINION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
        {select("kind", OPINION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })))}
        {select("channel", KNOWN_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })))}
        {select("topic", (topics.data ?? []).map((topic) => ({ value: topic.code, label: topic.name })))}
        <DateField
          id="inbox-filter-from"
          label={t("inbox.filters.from")}
          value={draft.from ?? ""}
          onChange={(value) => set("from", value)}
        />
        <DateField
          id="inbox-filter-to"
          label={t("inbox.filters.to")}
          value={draft.to ?? ""}
          onChange={(value) => set("to", value)}
        />
        <Group gap="md" align="end">
          <Checkbox
            id="inbox-filter-overdue"
            label={t("inbox.filters.overdue")}
            checked={draft.overdue ?? false}
            onChange={(event) => set("overdue", event.currentTarget.checked)}
          />
          <Checkbox
            id="inbox-filter-escalated"
            label={t("inbox.filters.escalated")}
            checked={draft.escalated ?? false}
            onChange={(event) => set("escalated", event.currentTarget.checked)}
          />
          <Checkbox
            id="inbox-filter-mine"
            label={t("inbox.filters.assignedToMe")}
            checked={draft.assignedToMe ?? false}
            onChange={(event) => set("assignedToMe", event.currentTarget.checked)}
          />
        </Group>
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit">{t("inbox.filters.apply")}</Button>
        <Button type="button" variant="subtle" onClick={() => onChange({})}>
          {t("inbox.filters.clear")}
        </Button>
      </Group>
    </form>
  );
}
