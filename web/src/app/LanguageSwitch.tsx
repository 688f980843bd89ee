import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage } from "../i18n";

/** Switches between Vietnamese and English; the button is labelled in the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const target = currentLanguage() === "vi" ? "en" : "vi";
  return (
    <Button
      variant="outline"
      size="xs"
      lang={target}
      onClick={() => void changeLanguage(target)}
      data-testid="language-switch"
    >
      {t("app.switchLanguage")}
    </Button>
  );
}
