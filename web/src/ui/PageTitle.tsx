import { Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The page's single h1; focusable by script so route changes can move focus to it. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} tabIndex={-1} data-page-title className="page-title">
      {children}
    </Title>
  );
}
