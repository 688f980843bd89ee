import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { LoginForm } from "../features/auth/components/LoginForm";
import { useMe } from "../features/auth/hooks/useMe";
import { loginDestination } from "../features/auth/login-destination";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/login`: officers sign in; an officer already signed in goes on to the console. */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: officer } = useMe();
  useDocumentTitle(t("login.title"), t("app.name"));
  if (officer) return <Navigate to={loginDestination(location.state)} replace />;
  return (
    <>
      <PageTitle>{t("login.title")}</PageTitle>
      <Text mt="xs" mb="lg">
        {t("login.intro")}
      </Text>
      <LoginForm />
    </>
  );
}
