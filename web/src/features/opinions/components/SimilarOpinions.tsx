import { Anchor, Button, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { takeStep } from "../api";
import { useOpinionMutation } from "../hooks/useOpinionMutation";
import { useSimilarOpinions } from "../hooks/useSimilarOpinions";
import { StatusBadge } from "./StatusBadge";

/**
 * Possible duplicates of this opinion (same unit, similar text): the officer can merge this one into one
 * of them, and its contributor will then receive that opinion's answer.
 */
export function SimilarOpinions({ opinionId, onDone }: { opinionId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const similar = useSimilarOpinions(opinionId, true);
  const merge = useOpinionMutation(
    (intoCode: string) => takeStep({ opinionId, step: { action: "merge", intoCode } }),
    () => onDone(t("steps.done.merge")),
  );
  if (similar.isPending || similar.error) return null;
  if (similar.data.length === 0) return <Text>{t("similar.none")}</Text>;
  return (
    <Stack gap="sm" component="ul" className="plain-list" data-testid="similar-opinions">
      {similar.data.map((item) => (
        <Paper key={item.id} component="li" withBorder p="sm" radius="md">
          <Anchor component={Link} to={`/console/opinions/${item.id}`} className="code" translate="no" fw={600}>
            {item.trackingCode}
          </Anchor>{" "}
          <StatusBadge status={item.status} size="sm" />
          <Text size="sm" mt={4}>
            {item.excerpt}
          </Text>
          <Text size="xs" c="dimmed">
            {t("similar.score", { percent: Math.round(item.similarity * 100) })}
          </Text>
          <Button
            mt="xs"
            size="xs"
            variant="outline"
            loading={merge.isPending && merge.variables === item.trackingCode}
            onClick={() => merge.mutate(item.trackingCode)}
          >
            {t("similar.mergeInto", { code: item.trackingCode })}
          </Button>
        </Paper>
      ))}
      {merge.error && (
        <Text c="red.8" role="alert">
          {merge.error.message}
        </Text>
      )}
    </Stack>
  );
}
