import { Button, Group, NativeSelect, Paper, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { takeBulkStep } from "../api";
import { useAssignees } from "../hooks/useAssignees";
import { useOpinionMutation } from "../hooks/useOpinionMutation";

/**
 * Assigns the selected opinions to one officer at once (a leader's morning sorting of the inbox). The
 * officers offered are those of the first selected opinion's unit; the result says how many went through
 * and why any did not.
 */
export function BulkAssignBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const assignees = useAssignees(ids[0] ?? "", ids.length > 0);
  const [userId, setUserId] = useState("");
  const [result, setResult] = useState("");
  const mutation = useOpinionMutation((assignee: string) => takeBulkStep({ ids, step: { action: "assign", userId: assignee } }));
  const assign = () => {
    if (!userId) return;
    mutation.mutate(userId, {
      onSuccess: ({ results }) => {
        const failed = results.filter((r) => r.error);
        const reasons = [...new Set(failed.map((r) => r.error?.message))].join(" ");
        setResult(t("bulk.result", { done: results.length - failed.length, failed: failed.length }) + (reasons ? ` ${reasons}` : ""));
        onDone();
      },
    });
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="bulk-bar">
      <Group gap="sm" align="end" wrap="wrap">
        <Text fw={600}>{t("bulk.selected", { count: ids.length })}</Text>
        <NativeSelect
          id="bulk-assignee"
          label={t("bulk.assignee")}
          value={userId}
          onChange={(e) => setUserId(e.currentTarget.value)}
          data={[{ value: "", label: t("steps.chooseAssignee") }, ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.displayName }))]}
        />
        <Button onClick={assign} disabled={!userId || ids.length === 0} loading={mutation.isPending}>
          {t("bulk.assign")}
        </Button>
      </Group>
      <Text size="sm" mt="xs" role="status" aria-live="polite">
        {result || (mutation.error?.message ?? "")}
      </Text>
    </Paper>
  );
}
