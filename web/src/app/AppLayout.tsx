import { Anchor, Container, Group, Text } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useMatch } from "react-router";
import { OfficerMenu } from "../features/auth/components/OfficerMenu";
import { LoadingState } from "../ui/LoadingState";
import { LanguageSwitch } from "./LanguageSwitch";
import { useRouteFocus } from "./useRouteFocus";

/** The page frame: skip link, header (brand, navigation, language), main, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const isConsole = useMatch("/console/*") !== null;
  useRouteFocus();

  return (
    <div className="layout">
      <a href="#main-content" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <Container size="lg" className="site-header__inner">
          <Group justify="space-between" align="center" wrap="wrap" gap="sm">
            <Anchor component={Link} to={isConsole ? "/console" : "/"} className="brand" underline="never">
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{isConsole ? t("app.consoleTagline") : t("app.tagline")}</span>
            </Anchor>
            <Group gap="sm" wrap="wrap">
              {isConsole && <OfficerMenu />}
              <LanguageSwitch />
            </Group>
          </Group>
          <nav aria-label={t("app.mainNav")} className="site-nav">
            <ul>
              {isConsole ? (
                <>
                  <li>
                    <NavLink to="/console" end>
                      {t("nav.inbox")}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/entry">{t("nav.entry")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/import">{t("nav.import")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/forums">{t("nav.forums")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/surveys">{t("surveys.nav")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/console/satisfaction">{t("satisfaction.nav")}</NavLink>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/" end>
                      {t("nav.submit")}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/track">{t("nav.track")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/units">{t("nav.units")}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </Container>
      </header>
      <main id="main-content" tabIndex={-1} className="site-main">
        <Container size={isConsole ? "lg" : "sm"} py="lg">
          <Suspense fallback={<LoadingState label={t("common.loading")} />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg">
          <Text size="sm">{t("app.footer")}</Text>
          {!isConsole && (
            <Text size="sm" mt={4}>
              <Anchor component={Link} to="/login">
                {t("nav.officerLogin")}
              </Anchor>
            </Text>
          )}
        </Container>
      </footer>
    </div>
  );
}
