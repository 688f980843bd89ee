import { Anchor, Button, Checkbox, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../ui/DateTime";
import { DueDate } from "../../../ui/DueDate";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import type { InboxFilter } from "../api";
import { useMe } from "../../auth/hooks/useMe";
import { useOpinionList } from "../hooks/useOpinionList";
import { BulkAssignBar } from "./BulkAssignBar";
import { StatusBadge } from "./StatusBadge";

/** The officers' inbox: opinions of their unit subtree matching the filter, newest first, with "load more". */
export function OpinionInbox({ filter }: { filter: InboxFilter }) {
  const { t } = useTranslation();
  const { data, error, isPending, fetchNextPage, hasNextPage, isFetchingNextPage } = useOpinionList(filter);
  const canBulkAssign = useMe().data?.role === "leader";
  const [selected, setSelected] = useState<string[]>([]);

  if (isPending) return <LoadingState label={t("common.loading")} />;
  if (error) return <ErrorAlert title={t("inbox.loadError")}>{error.message}</ErrorAlert>;

  const items = data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text data-testid="inbox-empty">{t("inbox.empty")}</Text>;

  return (
    <Stack gap="md">
      {canBulkAssign && selected.length > 0 && <BulkAssignBar ids={selected} onDone={() => setSelected([])} />}
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="sm" captionSide="top" data-testid="inbox-table">
          <Table.Caption>{t("inbox.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {canBulkAssign && (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t("bulk.selectColumn")}</span>
                </Table.Th>
              )}
              <Table.Th scope="col">{t("opinion.trackingCode")}</Table.Th>
              <Table.Th scope="col">{t("opinion.content")}</Table.Th>
              <Table.Th scope="col">{t("opinion.kind")}</Table.Th>
              <Table.Th scope="col">{t("opinion.status")}</Table.Th>
              <Table.Th scope="col">{t("opinion.unit")}</Table.Th>
              <Table.Th scope="col">{t("opinion.createdAt")}</Table.Th>
              <Table.Th scope="col">{t("opinion.answerDueAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-opinion-id={item.id}>
                {canBulkAssign && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t("bulk.select", { code: item.trackingCode })}
                      checked={selected.includes(item.id)}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setSelected((ids) => (checked ? [...ids, item.id] : ids.filter((id) => id !== item.id)));
                      }}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/console/opinions/${item.id}`} fw={600} className="code" translate="no">
                    {item.trackingCode}
                  </Anchor>
                </Table.Td>
                <Table.Td className="excerpt">
                  {item.excerpt}
                  {item.isAnonymous && (
                    <Text component="span" size="xs" c="dimmed" display="block">
                      {t("opinion.anonymous")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {t(`kind.${item.kind}`, { defaultValue: item.kind })}
                  {item.urgency === "urgent" && (
                    <Text component="span" size="xs" c="red.8" fw={700} display="block">
                      {t("opinion.urgent")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={item.status} size="sm" />
                </Table.Td>
                <Table.Td>
                  {item.unitName}
                  {item.assignedTo && (
                    <Text component="span" size="xs" c="dimmed" display="block">
                      {t("opinion.assignedTo", { name: item.assignedTo })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">
                  <DateTime value={item.createdAt} />
                </Table.Td>
                <Table.Td className="nowrap">
                  <DueDate value={item.answerDueAt} isOverdue={item.isOverdue} overdueLabel={t("opinion.overdue")} />
                  {item.isEscalated && (
                    <Text component="span" size="xs" c="red.8" fw={700} display="block">
                      {t("opinion.escalated")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" role="status" aria-live="polite">
        {hasNextPage ? t("inbox.shown", { count: items.length }) : t("inbox.allShown", { count: items.length })}
      </Text>
      {hasNextPage && (
        <div>
          <Button variant="outline" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
            {t("inbox.loadMore")}
          </Button>
        </div>
      )}
    </Stack>
  );
}
