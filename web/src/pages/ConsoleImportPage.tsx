import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ImportForm } from "../features/import/components/ImportForm";
import { ImportStatusPanel } from "../features/import/components/ImportStatusPanel";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/**
 * `/console/import`: import of opinions from a CSV/XLSX file — upload, check with per-row errors and a
 * preview, then import. The import's id stays in the address, so a reload finds it again.
 */
export function ConsoleImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("import.title"), t("app.name"));
  const [params, setParams] = useSearchParams();
  const importId = params.get("id");
  return (
    <Stack gap="lg">
      <PageTitle>{t("import.title")}</PageTitle>
      <Text>{t("import.intro")}</Text>
      <ImportForm key={importId === null ? "new" : "again"} onUploaded={(id) => setParams({ id })} />
      {importId && <ImportStatusPanel key={importId} importId={importId} onAnother={() => setParams({})} />}
    </Stack>
  );
}
