import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

interface ErrorAlertProps {
  title: ReactNode;
  children?: ReactNode;
  id?: string;
}

/** An error message announced to screen readers as soon as it appears (role="alert"). */
export function ErrorAlert({ title, children, id }: ErrorAlertProps) {
  return (
    <Alert
      id={id}
      role="alert"
      color="red"
      variant="light"
      title={title}
      className="error-alert"
      styles={{ title: { color: "#9b1c1c" }, message: { color: "var(--mantine-color-text)" } }}
    >
      {children}
    </Alert>
  );
}
