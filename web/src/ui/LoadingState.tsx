import { Group, Loader, Text } from "@mantine/core";

/** A spinner with a visible, announced label, for content still loading. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Group gap="sm" py="md" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}</Text>
    </Group>
  );
}
