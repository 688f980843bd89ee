import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { forumKeys, supportItem, type PublicItem } from "../api";

/** The opinions the chair let through, with "+1" (once per phone), the chair's mark and the answers. */
export function ForumOpinionList({ forumId, items, canSupport }: { forumId: string; items: PublicItem[]; canSupport: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [supported, setSupported] = useState<Set<string>>(() => new Set());
  const [message, setMessage] = useState("");

  const support = async (item: PublicItem) => {
    try {
      const result = await supportItem(forumId, item.id);
      setSupported((s) => new Set(s).add(item.id));
      queryClient.setQueryData<{ items: PublicItem[] }>(forumKeys.publicItems(forumId), (data) =>
        data ? { items: data.items.map((i) => (i.id === item.id ? { ...i, supportCount: result.supportCount } : i)) } : data,
      );
      setMessage(t("forums.list.supportedNow", { count: result.supportCount }));
    } catch (error) {
      setMessage(isApiError(error) ? error.message : String(error));
    }
  };

  if (items.length === 0) return <Text>{t("forums.list.empty")}</Text>;
  return (
    <Stack gap="sm">
      <Text role="status" aria-live="polite" className="visually-hidden">
        {message}
      </Text>
      <ol className="forum-opinions">
        {items.map((item) => (
          <li key={item.id}>
            <Paper withBorder p="sm" radius="md" data-testid="forum-opinion">
              <Stack gap={6}>
                <Group gap="xs">
                  <Badge variant="light" color="dark" radius="sm" tt="none">
                    {t(`kind.${item.kind}`)}
                  </Badge>
                  {item.mark && (
                    <Badge variant="filled" color="#176236" radius="sm" tt="none">
                      {t(item.mark === "written" && item.writtenAnswer ? "forums.mark.writtenAnswered" : `forums.mark.${item.mark}`)}
                    </Badge>
                  )}
                </Group>
                <Text>{item.text}</Text>
                {item.spotAnswer && (
                  <Text size="sm">
                    <strong>{t("forums.list.spotAnswer")}:</strong> {item.spotAnswer}
                  </Text>
                )}
                {item.writtenAnswer && (
                  <Text size="sm">
                    <strong>{t("forums.list.writtenAnswer")}:</strong> {item.writtenAnswer}
                  </Text>
                )}
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant={supported.has(item.id) ? "filled" : "outline"}
                    aria-pressed={supported.has(item.id)}
                    disabled={!canSupport || supported.has(item.id)}
                    onClick={() => void support(item)}
                    aria-label={t("forums.list.supportLabel", { count: item.supportCount })}
                  >
                    +1 · {item.supportCount}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </li>
        ))}
      </ol>
    </Stack>
  );
}
