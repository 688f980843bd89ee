import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../app/api-client";
import { forumKeys, liveUrl, type ProjectorState } from "../features/forums/api";
import { ForumFacts } from "../features/forums/components/ForumFacts";
import { ForumOpinionForm } from "../features/forums/components/ForumOpinionForm";
import { ForumOpinionList } from "../features/forums/components/ForumOpinionList";
import { useLiveState } from "../features/forums/hooks/useLiveState";
import { usePublicForum } from "../features/forums/hooks/usePublicForum";
import { usePublicItems } from "../features/forums/hooks/usePublicItems";
import { formatDay } from "../ui/format-date-time";
import { ErrorAlert } from "../ui/ErrorAlert";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/forums/:id`: what a forum's QR code opens on a phone — send an opinion, see those shown, "+1", the answers. */
export function PublicForumPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const forum = usePublicForum(id);
  const isOpen = forum.data?.status === "planned" || forum.data?.status === "live";
  const items = usePublicItems(id, forum.isSuccess);
  const live = useLiveState<ProjectorState>(forum.data?.status === "live" ? liveUrl(id, "public") : null);
  const queryClient = useQueryClient();
  useDocumentTitle(forum.data?.title ?? t("forums.publicTitle"), t("app.name"));

  // A new opinion shown or marked: fetch the list again, a little later on each phone (not all at once).
  const seen = useRef("");
  useEffect(() => {
    if (!live.state) return;
    const signature = `${live.state.shownCount}:${live.state.markedCount}`;
    if (seen.current && seen.current !== signature) {
      const timer = window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: forumKeys.publicItems(id) }), Math.random() * 2_000);
      seen.current = signature;
      return () => window.clearTimeout(timer);
    }
    seen.current = signature;
  }, [live.state, id, queryClient]);

  if (forum.isPending) return <LoadingState label={t("common.loading")} />;
  if (forum.error) {
    const missing = isApiError(forum.error) && (forum.error.status === 404 || forum.error.status === 400);
    return <ErrorAlert title={missing ? t("forums.notFound") : t("forums.loadError")}>{forum.error.message}</ErrorAlert>;
  }
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" fw={600}>
          {t("forums.kicker")}
        </Text>
        <PageTitle>{forum.data.title}</PageTitle>
      </div>
      <ForumFacts forum={forum.data} />
      {live.state?.current && (
        <Paper withBorder p="sm" radius="md" aria-live="polite" data-testid="forum-now">
          <Text size="sm" fw={700}>
            {t("forums.now")}
          </Text>
          <Text>{live.state.current.text}</Text>
        </Paper>
      )}
      {forum.data.satisfactionSurvey && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="forum-satisfaction-title" data-testid="forum-satisfaction">
          <Stack gap="xs">
            <Title order={2} id="forum-satisfaction-title">
              {t("forums.satisfaction.title")}
            </Title>
            <Text>{t("forums.satisfaction.text", { unit: forum.data.unitName })}</Text>
            <Button component={Link} to={`${forum.data.satisfactionSurvey.path}?via=forum`} size="md">
              {t("forums.satisfaction.action")}
            </Button>
            <Text size="sm">
              {t("forums.satisfaction.until", { day: formatDay(forum.data.satisfactionSurvey.endsOn) })}
            </Text>
          </Stack>
        </Paper>
      )}
      {isOpen && (
        <section aria-labelledby="forum-send-title">
          <Title order={2} id="forum-send-title" mb="xs">
            {t("forums.send.title")}
          </Title>
          <ForumOpinionForm forumId={id} />
        </section>
      )}
      <section aria-labelledby="forum-opinions-title">
        <Title order={2} id="forum-opinions-title" mb="xs">
          {t("forums.list.title")}
        </Title>
        {items.data ? <ForumOpinionList forumId={id} items={items.data.items} canSupport={isOpen} /> : <LoadingState label={t("common.loading")} />}
      </section>
      <Anchor component={Link} to={`/units/${encodeURIComponent(forum.data.unitId)}`}>
        {t("forums.unitPage")}
      </Anchor>
    </Stack>
  );
}
