import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../app/api-client";
import { OpenDataLinks } from "../features/publication/components/OpenDataLinks";
import { PublicSection } from "../features/publication/components/PublicSection";
import { PublishedOpinionList } from "../features/publication/components/PublishedOpinionList";
import { UnitFigures } from "../features/publication/components/UnitFigures";
import { useUnitSummary } from "../features/publication/hooks/useUnitSummary";
import { ErrorAlert } from "../ui/ErrorAlert";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/units/:unitId`: how a unit answers its citizens — figures and the answers published with consent. */
export function PublicUnitPage() {
  const { t } = useTranslation();
  const { unitId = "" } = useParams();
  const summary = useUnitSummary(unitId);
  useDocumentTitle(summary.data?.unitName ?? t("publicUnit.title"), t("app.name"));
  if (summary.isPending) return <LoadingState label={t("common.loading")} />;
  if (summary.error) {
    const missing = isApiError(summary.error) && (summary.error.status === 404 || summary.error.status === 400);
    return <ErrorAlert title={missing ? t("publicUnit.notFound") : t("publicUnit.loadError")}>{summary.error.message}</ErrorAlert>;
  }
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{summary.data.unitName}</PageTitle>
        <Text mt="xs">{t("publicUnit.intro")}</Text>
      </div>
      <UnitFigures summary={summary.data} />
      <PublicSection id="published-title" title={t("publicUnit.publishedTitle")} hint={t("publicUnit.publishedHint")}>
        <PublishedOpinionList unitId={unitId} />
      </PublicSection>
      <PublicSection id="open-data-title" title={t("publicUnit.openDataTitle")} hint={t("publicUnit.openDataHint")}>
        <OpenDataLinks summary={summary.data} />
      </PublicSection>
      <Anchor component={Link} to={`/?unit=${encodeURIComponent(unitId)}`}>
        {t("publicUnit.send")}
      </Anchor>
    </Stack>
  );
}
