import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { OPINION_STATUSES, type OpinionStatus } from "../features/opinions/api";
import { InboxStatusFilter } from "../features/opinions/components/InboxStatusFilter";
import { OpinionInbox } from "../features/opinions/components/OpinionInbox";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

function parseStatus(value: string | null): OpinionStatus | null {
  return value && (OPINION_STATUSES as readonly string[]).includes(value) ? (value as OpinionStatus) : null;
}

/** `/console` (`?status=` keeps the filter in the address): the officers' inbox. */
export function ConsoleInboxPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = parseStatus(searchParams.get("status"));
  useDocumentTitle(t("inbox.title"), t("app.name"));
  return (
    <Stack gap="lg">
      <PageTitle>{t("inbox.title")}</PageTitle>
      <InboxStatusFilter
        value={status}
        onChange={(next) => setSearchParams(next ? { status: next } : {}, { replace: true })}
      />
      <OpinionInbox status={status} />
    </Stack>
  );
}
