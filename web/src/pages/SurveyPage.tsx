import { Alert, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { SurveyForm } from "../features/surveys/components/SurveyForm";
import { usePublicSurvey } from "../features/surveys/hooks/usePublicSurvey";
import { ErrorAlert } from "../ui/ErrorAlert";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** The channel a response came through: a printed QR code, the forum's page, or the unit's page (online). */
const channelOf = (via: string | null) => (via === "qr" || via === "forum" ? via : "online");

/** `/s/:campaignId/:unitId` (the QR code's target): a citizen evaluates a unit, without an account. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { campaignId = "", unitId = "" } = useParams();
  const [searchParams] = useSearchParams();
  const survey = usePublicSurvey(campaignId, unitId);
  useDocumentTitle(t("surveys.page.title"), t("app.name"));
  if (survey.isPending) return <LoadingState label={t("common.loading")} />;
  if (survey.error) return <ErrorAlert title={t("surveys.page.loadError")}>{survey.error.message}</ErrorAlert>;
  const s = survey.data;
  return (
    <Stack gap="md" maw={640}>
      <div>
        <PageTitle>{t("surveys.page.title")}</PageTitle>
        <Text mt="xs" fw={600}>
          {s.unitName}
        </Text>
        <Text size="sm">{s.title}</Text>
        <Text size="sm" mt="xs">
          {t(`surveys.page.intro.${s.family}`)}
        </Text>
      </div>
      {s.isOpen ? (
        <SurveyForm survey={s} channel={channelOf(searchParams.get("via"))} />
      ) : (
        <Alert color="yellow" role="status">
          {t("surveys.page.closed")}
        </Alert>
      )}
    </Stack>
  );
}
