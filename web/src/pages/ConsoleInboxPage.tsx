import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { InboxFilters } from "../features/opinions/components/InboxFilters";
import { OpinionInbox } from "../features/opinions/components/OpinionInbox";
import { inboxFilterParams, parseInboxFilter } from "../features/opinions/inbox-filter";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/console` (the filter lives in the address: `?status=…&q=…`): the officers' inbox. */
export function ConsoleInboxPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = parseInboxFilter(searchParams);
  useDocumentTitle(t("inbox.title"), t("app.name"));
  return (
    <Stack gap="lg">
      <PageTitle>{t("inbox.title")}</PageTitle>
      <InboxFilters value={filter} onChange={(next) => setSearchParams(inboxFilterParams(next), { replace: true })} />
      <OpinionInbox filter={filter} />
    </Stack>
  );
}
