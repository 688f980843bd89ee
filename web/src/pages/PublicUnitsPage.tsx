import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { UnitDirectory } from "../features/publication/components/UnitDirectory";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/units`: pick a unit to see how it answers its citizens. */
export function PublicUnitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("publicUnit.directoryTitle"), t("app.name"));
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t("publicUnit.directoryTitle")}</PageTitle>
        <Text mt="xs">{t("publicUnit.directoryIntro")}</Text>
      </div>
      <UnitDirectory />
    </Stack>
  );
}
