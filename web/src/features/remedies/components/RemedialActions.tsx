import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createRemedialAction, fetchRemedialActions, moveRemedialAction, remedyKeys, type RemedialAction, type RemedialStatus } from "../api";
import { DateField } from "../../../ui/DateField";
import { formatDay } from "../../../ui/format-date-time";

const STATUS_COLOR: Record<RemedialStatus, string> = { planned: "#495057", in_progress: "#a84300", done: "#364fc7", verified: "#176236" };

function ActionItem({ action, onChanged }: { action: RemedialAction; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [evidence, setEvidence] = useState("");
  const move = useMutation({
    mutationFn: (status: RemedialStatus) => moveRemedialAction(action.id, { status, ...(evidence.trim() ? { evidence: evidence.trim() } : {}) }),
    onSuccess: async (_, status) => {
      await queryClient.invalidateQueries({ queryKey: remedyKeys.ofOpinion(action.opinionId) });
      onChanged(t("remedies.moved", { status: t(`remedies.status.${status}`) }));
    },
  });
  const needsEvidence = action.nextStatuses.includes("done") && !action.evidence;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-remedy-status={action.status}>
      <Group gap="xs" mb={4}>
        <Badge variant="filled" color={STATUS_COLOR[action.status]} radius="sm" tt="none">
          {t(`remedies.status.${action.status}`)}
        </Badge>
        {action.isOverdue && (
          <Badge variant="filled" color="#c92a2a" radius="sm" tt="none">
            {t("opinion.overdue")}
          </Badge>
        )}
      </Group>
      <Text fw={600}>{action.title}</Text>
      <Text size="sm">{t("remedies.ownerDue", { owner: action.ownerName, due: formatDay(action.dueDate) })}</Text>
      {action.evidence && (
        <Text size="sm" className="prewrap">
          {t("remedies.evidenceIs", { evidence: action.evidence })}
        </Text>
      )}
      {action.verifiedBy && <Text size="sm">{t("remedies.verifiedBy", { name: action.verifiedBy })}</Text>}
      {action.nextStatuses.length > 0 && (
        <Stack gap="xs" mt="sm">
          {needsEvidence && (
            <Textarea
              id={`remedy-evidence-${action.id}`}
              label={t("remedies.evidence")}
              description={t("remedies.evidenceHint")}
              value={evidence}
              onChange={(e) => setEvidence(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
          )}
          <Group gap="xs">
            {action.nextStatuses.map((status) => (
              <Button key={status} size="xs" variant="outline" loading={move.isPending && move.variables === status} onClick={() => move.mutate(status)}>
                {t(`remedies.moveTo.${status}`)}
              </Button>
            ))}
          </Group>
          {move.error && (
            <Text c="red.8" size="sm" role="alert">
              {move.error.message}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** The remedial actions an opinion led to ("tự soi, tự sửa"), and a form to plan one. */
export function RemedialActions({ opinionId, onChanged }: { opinionId: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: remedyKeys.ofOpinion(opinionId), queryFn: ({ signal }) => fetchRemedialActions(opinionId, signal) });
  const [form, setForm] = useState({ title: "", ownerName: "", dueDate: "" });
  const create = useMutation({
    mutationFn: () => createRemedialAction(opinionId, { title: form.title.trim(), ownerName: form.ownerName.trim(), dueDate: form.dueDate }),
    onSuccess: async () => {
      setForm({ title: "", ownerName: "", dueDate: "" });
      await queryClient.invalidateQueries({ queryKey: remedyKeys.ofOpinion(opinionId) });
      onChanged(t("remedies.created"));
    },
  });
  if (list.isPending || list.error) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate();
  };
  const field = (name: string) => (create.error && "field" in create.error && create.error.field === name ? create.error.message : undefined);
  return (
    <Stack gap="md">
      {list.data.items.length === 0 ? (
        <Text>{t("remedies.none")}</Text>
      ) : (
        <Stack gap="sm" component="ol" className="plain-list" data-testid="remedial-actions">
          {list.data.items.map((action) => (
            <ActionItem key={action.id} action={action} onChanged={onChanged} />
          ))}
        </Stack>
      )}
      {list.data.canCreate && (
        <form onSubmit={submit} aria-label={t("remedies.formName")}>
          <Stack gap="sm">
            <TextInput id="remedy-title" label={t("remedies.title")} value={form.title} maxLength={500} required error={field("title")} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput id="remedy-owner" label={t("remedies.owner")} value={form.ownerName} maxLength={200} required error={field("ownerName")} onChange={(e) => setForm({ ...form, ownerName: e.currentTarget.value })} />
              <DateField id="remedy-due" label={t("remedies.dueDate")} value={form.dueDate} required error={field("dueDate")} onChange={(dueDate) => setForm({ ...form, dueDate })} />
            </SimpleGrid>
            {create.error && !("field" in create.error && create.error.field) && (
              <Text c="red.8" role="alert">
                {create.error.message}
              </Text>
            )}
            <div>
              <Button type="submit" variant="outline" loading={create.isPending}>
                {t("remedies.add")}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
