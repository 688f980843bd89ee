import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

interface NoticeProps {
  title?: ReactNode;
  children: ReactNode;
  tone?: "info" | "warning";
  id?: string;
}

const TONE_COLOR = { info: "blue", warning: "yellow" } as const;

/** A static callout (not announced). Text keeps the body colour so contrast stays AA on the tint. */
export function Notice({ title, children, tone = "info", id }: NoticeProps) {
  return (
    <Alert
      id={id}
      variant="light"
      color={TONE_COLOR[tone]}
      title={title}
      className={`notice notice--${tone}`}
      styles={{ title: { color: "var(--mantine-color-text)" }, message: { color: "var(--mantine-color-text)" } }}
    >
      {children}
    </Alert>
  );
}
