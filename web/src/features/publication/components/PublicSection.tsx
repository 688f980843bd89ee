import { Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled part of a unit's public page, with a line saying what it holds. */
export function PublicSection({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="xs">
        {title}
      </Title>
      <Text size="sm" mb="sm">
        {hint}
      </Text>
      {children}
    </section>
  );
}
