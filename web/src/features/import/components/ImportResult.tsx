import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportState } from "../api";

/** What the import stored, with the way to the inbox where the new opinions now are. */
export function ImportResult({ state, onAnother }: { state: ImportState; onAnother: () => void }) {
  const { t } = useTranslation();
  const duplicates = state.rowsDuplicate ?? 0;
  const imported = (state.rowsValid ?? 0) - duplicates;
  return (
    <Stack gap="sm" data-testid="import-result">
      <Text fw={600}>
        {t("import.done", { count: imported })}
        {duplicates > 0 && ` ${t("import.skipped", { count: duplicates })}`}
      </Text>
      <Group gap="md">
        <Anchor component={Link} to="/console">
          {t("import.toInbox")}
        </Anchor>
        <Button variant="outline" onClick={onAnother}>
          {t("import.another")}
        </Button>
      </Group>
    </Stack>
  );
}
