import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { OpinionDetailView } from "../features/opinions/components/OpinionDetailView";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/console/opinions/:id`: one opinion, its contact (audited), answers and the answer form. */
export function ConsoleOpinionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  useDocumentTitle(t("detail.title"), t("app.name"));
  return (
    <Stack gap="lg">
      <PageTitle>{t("detail.title")}</PageTitle>
      <OpinionDetailView key={id} opinionId={id} />
    </Stack>
  );
}
