import { Button, Stack, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { opinionKeys } from "../../opinions/api";
import { useImport } from "../hooks/useImport";
import { ImportMappingForm } from "./ImportMappingForm";
import { ImportProgress } from "./ImportProgress";
import { ImportResult } from "./ImportResult";
import { ImportSummary } from "./ImportSummary";

/** Failures of the check that choosing other columns can fix. */
const MAPPING_FAILURES = new Set(["import.content_column_missing", "import.mapping_unknown_column"]);

/**
 * One uploaded file, from its check to its import: a progress bar while the server works, then the check's
 * result, then what was imported. The heading takes the focus when a step ends, so it is read out. The
 * columns of the file can be chosen again: at once when no content column was found, on demand once checked.
 */
export function ImportStatusPanel({ importId, onAnother }: { importId: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: state, error, isPending } = useImport(importId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [isChoosing, setChoosing] = useState(false);
  const status = state?.status;

  useEffect(() => {
    if (status === "ready" || status === "failed" || status === "done") headingRef.current?.focus();
    if (status === "done") void queryClient.invalidateQueries({ queryKey: opinionKeys.all });
  }, [status, queryClient]);

  if (isPending) return <LoadingState label={t("common.loading")} />;
  if (error) return <ErrorAlert title={t("import.loadError")}>{error.message}</ErrorAlert>;

  const canRemap = state.headers.length > 0 && (state.status === "ready" || state.status === "failed");
  const isMappingFailure = state.status === "failed" && MAPPING_FAILURES.has(state.errorCode ?? "");
  const mappingKey = `${state.status}:${JSON.stringify(state.mapping)}`;
  const heading =
    state.status === "done" ? t("import.doneTitle") : state.status === "failed" ? t("import.failedTitle") : t("import.summaryTitle", { name: state.fileName });
  return (
    <section aria-labelledby="import-status-title">
      <Stack gap="md">
        <Title order={2} id="import-status-title" ref={headingRef} tabIndex={-1}>
          {heading}
        </Title>
        {state.status === "parsing" && (
          <ImportProgress
            label={t("import.checkProgress")}
            share={state.progress}
            text={t("import.checking", { rows: state.rowsDone })}
          />
        )}
        {state.status === "importing" && (
          <ImportProgress
            label={t("import.importProgress")}
            share={state.progress}
            text={t("import.importing", { done: state.rowsDone, total: state.rowsValid ?? 0 })}
          />
        )}
        {state.status === "failed" && <ErrorAlert title={state.fileName}>{state.errorMessage}</ErrorAlert>}
        {canRemap && isMappingFailure && (
          <ImportMappingForm key={mappingKey} state={state} intro={t("import.mapping.missingIntro")} onSubmitted={() => setChoosing(false)} />
        )}
        {state.status === "ready" && <ImportSummary state={state} />}
        {canRemap && state.status === "ready" && !isChoosing && (
          <div>
            <Button variant="default" onClick={() => setChoosing(true)}>
              {t("import.mapping.open")}
            </Button>
          </div>
        )}
        {canRemap && state.status === "ready" && isChoosing && (
          <ImportMappingForm
            key={mappingKey}
            state={state}
            shouldFocus
            onSubmitted={() => setChoosing(false)}
            onCancel={() => setChoosing(false)}
          />
        )}
        {state.status === "done" && <ImportResult state={state} onAnother={onAnother} />}
      </Stack>
    </section>
  );
}
