import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/format-date-time";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { decideOnResponse, fetchFlagged, surveyKeys, type FlaggedResponse } from "../api";

function FlaggedItem({ item, campaignId }: { item: FlaggedResponse; campaignId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const decision = item.isExcluded ? "include" : "exclude";
  const mutation = useMutation({
    mutationFn: () => decideOnResponse(item.id, decision, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.flags(campaignId) }),
  });
  return (
    <Paper withBorder p="sm" radius="md">
      <Group gap="xs">
        <Text fw={600}>{item.unitName}</Text>
        <Text size="sm">{formatDateTime(item.submittedAt)}</Text>
        {item.flags.map((f) => (
          <Badge key={f} color="#a84300" variant="filled">
            {t(`surveys.flags.${f as "burst"}`)}
          </Badge>
        ))}
        {item.isExcluded && <Badge color="red">{t("surveys.flags.excluded")}</Badge>}
      </Group>
      <Text size="sm">{Object.entries(item.answers).map(([q, v]) => `${q}: ${String(v)}`).join(" · ")}</Text>
      {item.lastReason && <Text size="sm">{t("surveys.flags.lastReason", { reason: item.lastReason })}</Text>}
      <Group align="end" gap="xs" mt="xs">
        <TextInput size="sm" label={t("surveys.flags.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button size="sm" color={decision === "exclude" ? "red" : "green"} disabled={reason.trim() === ""} loading={mutation.isPending} onClick={() => mutation.mutate()}>
          {t(`surveys.flags.${decision}`)}
        </Button>
      </Group>
      {mutation.error && <ErrorAlert title={t("surveys.flags.error")}>{mutation.error.message}</ErrorAlert>}
    </Paper>
  );
}

/** Responses flagged as a burst or straight-lining: an inspector excludes them only by a reasoned, audited decision. */
export function FlaggedResponses({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const flagged = useQuery({ queryKey: surveyKeys.flags(campaignId), queryFn: ({ signal }) => fetchFlagged(campaignId, signal), retry: false });
  return (
    <section aria-labelledby="flags-title">
      <Title order={3} id="flags-title" mb="xs">
        {t("surveys.flags.title")}
      </Title>
      {flagged.error && <Text size="sm">{flagged.error.message}</Text>}
      {flagged.data?.length === 0 && <Text size="sm">{t("surveys.flags.none")}</Text>}
      <Stack gap="xs">
        {flagged.data?.map((item) => <FlaggedItem key={item.id} item={item} campaignId={campaignId} />)}
      </Stack>
    </section>
  );
}
