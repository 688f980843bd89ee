import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportRowError } from "../api";

/** The rows the check refused: row number as the spreadsheet shows it, the column, the reason. */
export function ImportErrors({ errors, invalidRows }: { errors: ImportRowError[]; invalidRows: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" captionSide="top" data-testid="import-errors">
          <Table.Caption>{t("import.errorsCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("import.row")}</Table.Th>
              <Table.Th scope="col">{t("import.column")}</Table.Th>
              <Table.Th scope="col">{t("import.problem")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, index) => (
              <Table.Tr key={`${error.rowNumber}-${error.field ?? ""}-${index}`} data-row-number={error.rowNumber}>
                <Table.Td className="nowrap">{error.rowNumber}</Table.Td>
                <Table.Td>{error.column ?? t("import.wholeRow")}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.length > 0 && invalidRows > new Set(errors.map((e) => e.rowNumber)).size && (
        <Text size="sm">{t("import.errorsTruncated", { shown: errors.length })}</Text>
      )}
    </>
  );
}
