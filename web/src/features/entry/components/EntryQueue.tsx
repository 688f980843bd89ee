import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import type { QueuedEntry } from "../entry-queue";

const STATE_COLOR = { pending: "#a84300", sent: "#176236", failed: "#c92a2a" } as const;

/**
 * The entries of this browser and where each stands: waiting for the network, sent (with its tracking
 * code) or refused (with the reason, and a way to correct it). Counts are announced as they change.
 */
export function EntryQueue({
  queue,
  isOnline,
  isSending,
  pendingCount,
  onEdit,
  onRemove,
  onClearSent,
}: {
  queue: QueuedEntry[];
  isOnline: boolean;
  isSending: boolean;
  pendingCount: number;
  onEdit: (clientKey: string) => void;
  onRemove: (clientKey: string) => void;
  onClearSent: () => void;
}) {
  const { t } = useTranslation();
  const sent = queue.filter((e) => e.state === "sent").length;
  const failed = queue.filter((e) => e.state === "failed").length;
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md" data-testid="entry-status">
        <Text role="status" aria-live="polite" fw={600}>
          {!isOnline ? t("entry.queue.offline", { count: pendingCount }) : isSending ? t("entry.queue.sending", { count: pendingCount }) : pendingCount > 0 ? t("entry.queue.waiting", { count: pendingCount }) : t("entry.queue.allSent")}
        </Text>
        <Text size="sm">{t("entry.queue.counts", { sent, failed, pending: pendingCount })}</Text>
      </Paper>
      {queue.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" captionSide="top" data-testid="entry-queue">
            <Table.Caption>{t("entry.queue.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("entry.queue.state")}</Table.Th>
                <Table.Th scope="col">{t("entry.content")}</Table.Th>
                <Table.Th scope="col">{t("entry.receivedAt")}</Table.Th>
                <Table.Th scope="col">{t("entry.queue.result")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...queue].reverse().map((entry) => (
                <Table.Tr key={entry.body.clientKey} data-entry-state={entry.state}>
                  <Table.Td>
                    <Badge variant="filled" color={STATE_COLOR[entry.state]} radius="sm" tt="none">
                      {t(`entry.queue.states.${entry.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="excerpt">{entry.body.content.length > 120 ? `${entry.body.content.slice(0, 119)}…` : entry.body.content}</Table.Td>
                  <Table.Td className="nowrap">
                    <DateTime value={entry.body.receivedAt} />
                  </Table.Td>
                  <Table.Td>
                    {entry.state === "sent" && (
                      <span className="code" translate="no">
                        {entry.trackingCode}
                      </span>
                    )}
                    {entry.state === "failed" && (
                      <Stack gap={4}>
                        <Text size="sm" c="red.8">
                          {entry.error}
                        </Text>
                        <Group gap="xs">
                          <Button size="xs" variant="outline" onClick={() => onEdit(entry.body.clientKey)}>
                            {t("entry.queue.edit")}
                          </Button>
                          <Button size="xs" variant="subtle" color="red.8" onClick={() => onRemove(entry.body.clientKey)}>
                            {t("entry.queue.remove")}
                          </Button>
                        </Group>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sent > 0 && (
        <div>
          <Button variant="subtle" onClick={onClearSent}>
            {t("entry.queue.clearSent")}
          </Button>
        </div>
      )}
    </Stack>
  );
}
