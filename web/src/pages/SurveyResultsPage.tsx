import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { SatisfactionDashboard } from "../features/satisfaction/components/SatisfactionDashboard";
import { usePublicResults } from "../features/satisfaction/hooks/useDashboard";
import { ErrorAlert } from "../ui/ErrorAlert";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/s/:campaignId/results`: a campaign's results, once the evaluating unit has published them. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { campaignId = "" } = useParams();
  const results = usePublicResults(campaignId, "");
  useDocumentTitle(t("satisfaction.publicTitle"), t("app.name"));
  if (results.isPending) return <LoadingState label={t("common.loading")} />;
  if (results.error) return <ErrorAlert title={t("satisfaction.publicUnavailable")}>{results.error.message}</ErrorAlert>;
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t("satisfaction.publicTitle")}</PageTitle>
        <Text mt="xs" fw={600}>
          {results.data.campaign.title}
        </Text>
      </div>
      <SatisfactionDashboard dashboard={results.data} />
    </Stack>
  );
}
