import { Anchor, Badge, Button, Group, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../app/api-client";
import { formatDay } from "../../../ui/format-date-time";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { fetchForumCampaigns, forumKeys, linkForumCampaign, type ForumCampaign } from "../api";

const percent = (value: number, language: string) =>
  `${value.toLocaleString(language === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** The organising unit's satisfaction in a campaign: the rate with n and its interval, or only n below the minimum. */
function SatisfactionLine({ figure }: { figure: NonNullable<ForumCampaign["satisfaction"]> }) {
  const { t, i18n } = useTranslation();
  const { rate, low, high } = figure;
  return (
    <Text size="sm" data-testid="forum-campaign-satisfaction">
      {rate !== null && low !== null && high !== null
        ? t("forums.campaigns.rate", {
            rate: percent(rate, i18n.language),
            n: figure.n,
            responses: figure.responses,
            low: percent(low, i18n.language),
            high: percent(high, i18n.language),
          })
        : t("forums.campaigns.suppressed", { n: figure.n, responses: figure.responses, minN: figure.minN })}
    </Text>
  );
}

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
                    {c.satisfaction && <SatisfactionLine figure={c.satisfaction} />}
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
