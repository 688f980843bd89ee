import { Stack, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { opinionKeys } from "../../opinions/api";
import { useImport } from "../hooks/useImport";
import { ImportProgress } from "./ImportProgress";
import { ImportResult } from "./ImportResult";
import { ImportSummary } from "./ImportSummary";

/**
 * One uploaded file, from its check to its import: a progress bar while the server works, then the check's
 * result, then what was imported. The heading takes the focus when a step ends, so it is read out.
 */
export function ImportStatusPanel({ importId, onAnother }: { importId: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: state, error, isPending } = useImport(importId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = state?.status;

  useEffect(() => {
    if (status === "ready" || status === "failed" || status === "done") headingRef.current?.focus();
    if (status === "done") void queryClient.invalidateQueries({ queryKey: opinionKeys.all });
  }, [status, queryClient]);

  if (isPending) return <LoadingState label={t("common.loading")} />;
  if (error) return <ErrorAlert title={t("import.loadError")}>{error.message}</ErrorAlert>;

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
        {state.status === "ready" && <ImportSummary state={state} />}
        {state.status === "done" && <ImportResult state={state} onAnother={onAnother} />}
      </Stack>
    </section>
  );
}
