import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { useMe } from "../hooks/useMe";

/** Renders its children for a signed-in officer; otherwise sends to /login and back afterwards. */
export function RequireOfficer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: officer, error, isPending } = useMe();

  // A signed-in officer keeps the page when a background re-check fails (a forum with a bad connection):
  // unmounting it would lose what they are typing.
  if (officer) return <>{children}</>;
  if (isPending) return <LoadingState label={t("common.loading")} />;
  if (error) return <ErrorAlert title={t("errors.sessionCheck")}>{error.message}</ErrorAlert>;
  const from = `${location.pathname}${location.search}`;
  return <Navigate to="/login" replace state={{ from }} />;
}
