import { Progress, Stack, Text } from "@mantine/core";

/**
 * A progress bar (role="progressbar" with its percentage) under a line that says what is happening; the
 * line is announced politely as it changes.
 */
export function ImportProgress({ label, share, text }: { label: string; share: number; text: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(share * 100)));
  return (
    <Stack gap={6} data-testid="import-progress">
      <Text role="status" aria-live="polite">
        {text} <span className="nowrap">({percent}%)</span>
      </Text>
      <Progress.Root size="xl" radius="sm">
        <Progress.Section value={percent} aria-label={label} animated={percent < 100} />
      </Progress.Root>
    </Stack>
  );
}
