import { Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../features/auth/hooks/useMe";
import type { EntryBody } from "../features/entry/api";
import { EntryForm } from "../features/entry/components/EntryForm";
import { EntryQueue } from "../features/entry/components/EntryQueue";
import { useEntryQueue } from "../features/entry/hooks/useEntryQueue";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

function EntryWorkspace({ userId, unitId }: { userId: string; unitId: string }) {
  const { t } = useTranslation();
  const entries = useEntryQueue(userId);
  const [editing, setEditing] = useState<{ body: EntryBody; seq: number } | null>(null);
  return (
    <>
      <EntryForm officerUnitId={unitId} onAdd={entries.add} editing={editing} />
      <section aria-labelledby="entry-queue-title">
        <Title order={2} id="entry-queue-title" mb="xs">
          {t("entry.queue.title")}
        </Title>
        <EntryQueue
          queue={entries.queue}
          isOnline={entries.isOnline}
          isSending={entries.isSending}
          pendingCount={entries.pendingCount}
          onEdit={(key) => {
            const body = entries.take(key);
            if (body) setEditing((e) => ({ body, seq: (e?.seq ?? 0) + 1 }));
          }}
          onRemove={entries.remove}
          onClearSent={entries.clearSent}
        />
      </section>
    </>
  );
}

/** `/console/entry`: keyboard entry of opinions received offline, with a queue that survives a lost connection. */
export function ConsoleEntryPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t("entry.title"), t("app.name"));
  return (
    <Stack gap="lg">
      <PageTitle>{t("entry.title")}</PageTitle>
      <Text>{t("entry.intro")}</Text>
      {me.data && <EntryWorkspace userId={me.data.id} unitId={me.data.unitId} />}
    </Stack>
  );
}
