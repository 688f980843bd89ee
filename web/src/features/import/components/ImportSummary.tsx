import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Fact } from "../../../ui/Fact";
import { Notice } from "../../../ui/Notice";
import type { ImportState } from "../api";
import { useCommitImport } from "../hooks/useCommitImport";
import { ImportErrors } from "./ImportErrors";
import { ImportPreview } from "./ImportPreview";

/**
 * The result of the check: counts, the rows refused and why, the first rows, and the button that imports the
 * new rows — enabled only when no row is refused (the file is fixed and uploaded again otherwise).
 */
export function ImportSummary({ state }: { state: ImportState }) {
  const { t, i18n } = useTranslation();
  const commit = useCommitImport(state.id);
  const number = new Intl.NumberFormat(i18n.language);
  const invalid = state.rowsInvalid ?? 0;
  const duplicates = state.rowsDuplicate ?? 0;
  const fresh = (state.rowsValid ?? 0) - duplicates;
  const blockedReason = invalid > 0 ? t("import.commitBlocked") : fresh === 0 ? t("import.nothingNew") : undefined;
  return (
    <Stack gap="md">
      <dl className="facts" data-testid="import-counts">
        <Fact label={t("import.counts.total")}>{number.format(state.rowsTotal ?? 0)}</Fact>
        <Fact label={t("import.counts.valid")}>{number.format(state.rowsValid ?? 0)}</Fact>
        <Fact label={t("import.counts.invalid")}>{number.format(invalid)}</Fact>
        <Fact label={t("import.counts.duplicate")}>{number.format(duplicates)}</Fact>
      </dl>
      {state.errorMessage && <ErrorAlert title={t("import.commitFailedTitle")}>{state.errorMessage}</ErrorAlert>}
      {invalid > 0 && (
        <section aria-labelledby="import-errors-title">
          <Title order={3} id="import-errors-title" mb="xs">
            {t("import.errorsTitle", { count: invalid })}
          </Title>
          <ImportErrors errors={state.errors} invalidRows={invalid} />
        </section>
      )}
      {state.preview.length > 0 && (
        <section aria-labelledby="import-preview-title">
          <Title order={3} id="import-preview-title" mb="xs">
            {t("import.previewTitle")}
          </Title>
          <ImportPreview rows={state.preview} />
        </section>
      )}
      {blockedReason && (
        <Notice tone="warning" id="import-commit-blocked">
          {blockedReason}
        </Notice>
      )}
      <div>
        <Button
          onClick={() => commit.mutate()}
          loading={commit.isPending}
          disabled={blockedReason !== undefined}
          aria-describedby={blockedReason ? "import-commit-blocked" : undefined}
          data-testid="import-commit"
        >
          {t("import.commit", { count: Math.max(fresh, 0) })}
        </Button>
      </div>
      {commit.error && (
        <ErrorAlert title={t("import.commitFailedTitle")}>{isApiError(commit.error) ? commit.error.message : t("errors.network")}</ErrorAlert>
      )}
      {invalid === 0 && fresh > 0 && <Text size="sm">{t("import.commitHint")}</Text>}
    </Stack>
  );
}
