import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { SendOpinion } from "../features/opinions/components/SendOpinion";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/` (and `/?unit=<id>&topic=<code>` from a QR code): a citizen sends an opinion. */
export function SubmitOpinionPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t("submit.title"), t("app.name"));
  return (
    <>
      <PageTitle>{t("submit.title")}</PageTitle>
      <Text mt="xs" mb="lg">
        {t("submit.intro")}
      </Text>
      <SendOpinion presetUnitId={searchParams.get("unit")} presetTopic={searchParams.get("topic")} />
    </>
  );
}
