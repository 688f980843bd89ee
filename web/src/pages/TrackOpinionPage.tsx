import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { TrackingCodeForm } from "../features/opinions/components/TrackingCodeForm";
import { TrackingResult } from "../features/opinions/components/TrackingResult";
import { compactTrackingCode } from "../features/opinions/tracking-code";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/track` and `/track/:code`: a citizen follows an opinion with its tracking code. */
export function TrackOpinionPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const compact = code ? compactTrackingCode(code) : null;
  useDocumentTitle(t("track.title"), t("app.name"));
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t("track.title")}</PageTitle>
        <Text mt="xs">{t("track.intro")}</Text>
      </div>
      <TrackingCodeForm key={compact ?? ""} initialCode={code ?? ""} />
      {compact && <TrackingResult code={compact} />}
    </Stack>
  );
}
