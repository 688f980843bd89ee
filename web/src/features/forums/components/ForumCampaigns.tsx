import { Anchor, Badge, Button, Group, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { fetchForumCampaigns, forumKeys, linkForumCampaign } from "../api";

const formatDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * The forum's satisfaction campaign(s): those linked, each with the organising unit's survey; while none is, a
 * leader of the organising unit creates the forum's campaign in one step, or links one of the unit's campaigns
 * covering the forum's day.
 */
export function ForumCampaigns({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const campaigns = useQuery({ queryKey: forumKeys.campaigns(forumId), queryFn: ({ signal }) => fetchForumCampaigns(forumId, signal) });
  const [chosen, setChosen] = useState("");
  const link = useMutation({
    mutationFn: (campaignId?: string) => linkForumCampaign(forumId, campaignId),
    onSuccess: (data) => {
      queryClient.setQueryData(forumKeys.campaigns(forumId), data);
      setChosen("");
    },
  });
  const error = campaigns.error ?? link.error;
  const data = campaigns.data;
  return (
    <section aria-labelledby="forum-campaigns-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="forum-campaigns-title">
          {t("forums.campaigns.title")}
        </Title>
        {error && <ErrorAlert title={t("forums.campaigns.error")}>{isApiError(error) ? error.message : String(error)}</ErrorAlert>}
        {!data ? (
          !error && <LoadingState label={t("common.loading")} />
        ) : (
          <>
            {data.items.length === 0 ? (
              <Text size="sm">{t("forums.campaigns.none")}</Text>
            ) : (
              <List spacing={4} data-testid="forum-campaigns">
                {data.items.map((c) => (
                  <List.Item key={c.id}>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/console/surveys?campaign=${c.id}`}>
                        {c.title}
                      </Anchor>
                      <Text size="sm">{t("forums.campaigns.period", { from: formatDay(c.startsOn), to: formatDay(c.endsOn) })}</Text>
                      <Badge variant="filled" color={c.isOpen ? "#1e6b34" : "#5c5c5c"} radius="sm" tt="none">
                        {c.isOpen ? t("forums.campaigns.open") : t("forums.campaigns.closed")}
                      </Badge>
                      {c.surveyPath ? (
                        <Anchor component={Link} to={c.surveyPath} size="sm">
                          {t("forums.campaigns.survey")}
                        </Anchor>
                      ) : (
                        <Text size="sm">{t("forums.campaigns.notEvaluated")}</Text>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {data.items.length > 0 ? null : data.canLink ? (
              <Stack gap="xs">
                <Group gap="sm" align="end">
                  <Button loading={link.isPending && !chosen} disabled={link.isPending} onClick={() => link.mutate(undefined)}>
                    {t("forums.campaigns.create")}
                  </Button>
                  <Text size="sm" maw={520}>
                    {t("forums.campaigns.createHint")}
                  </Text>
                </Group>
                {data.linkable.length > 0 && (
                  <Group gap="sm" align="end">
                    <NativeSelect
                      label={t("forums.campaigns.existing")}
                      value={chosen}
                      onChange={(e) => setChosen(e.currentTarget.value)}
                      data={[
                        { value: "", label: t("forums.campaigns.choose") },
                        ...data.linkable.map((c) => ({
                          value: c.id,
                          label: `${c.title} (${formatDay(c.startsOn)} – ${formatDay(c.endsOn)})`,
                        })),
                      ]}
                    />
                    <Button variant="outline" disabled={!chosen || link.isPending} loading={link.isPending && !!chosen} onClick={() => link.mutate(chosen)}>
                      {t("forums.campaigns.link")}
                    </Button>
                  </Group>
                )}
              </Stack>
            ) : (
              <Text size="sm">{t("forums.campaigns.leaderOnly")}</Text>
            )}
          </>
        )}
      </Stack>
    </section>
  );
}
