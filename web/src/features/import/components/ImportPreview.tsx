import { Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import { isKnownChannel } from "../../opinions/channels";
import { OPINION_KINDS, type OpinionKind } from "../../opinions/api";
import type { ImportPreviewRow } from "../api";

const isKind = (kind: string): kind is OpinionKind => (OPINION_KINDS as readonly string[]).includes(kind);

/** The first valid rows as they will be stored: content, kind, channel, date of receipt, unit. */
export function ImportPreview({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" captionSide="top" data-testid="import-preview">
        <Table.Caption>{t("import.previewCaption", { count: rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("import.row")}</Table.Th>
            <Table.Th scope="col">{t("opinion.content")}</Table.Th>
            <Table.Th scope="col">{t("opinion.kind")}</Table.Th>
            <Table.Th scope="col">{t("import.channelColumn")}</Table.Th>
            <Table.Th scope="col">{t("import.receivedAt")}</Table.Th>
            <Table.Th scope="col">{t("opinion.unit")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td className="nowrap">{row.rowNumber}</Table.Td>
              <Table.Td className="excerpt">
                {row.excerpt}{" "}
                {row.duplicate && (
                  <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                    {t("import.duplicateBadge")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{isKind(row.kind) ? t(`kind.${row.kind}`) : row.kind}</Table.Td>
              <Table.Td>{isKnownChannel(row.channel) ? t(`channel.${row.channel}`) : row.channel}</Table.Td>
              <Table.Td className="nowrap">{row.receivedAt ? <DateTime value={row.receivedAt} /> : t("import.noDate")}</Table.Td>
              <Table.Td>{row.unitName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
