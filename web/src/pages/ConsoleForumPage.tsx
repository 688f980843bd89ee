import { Anchor, Button, Group, Stack, Tabs, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../app/api-client";
import { useMe } from "../features/auth/hooks/useMe";
import { forumKeys, liveUrl, moveForum, type ModerationState } from "../features/forums/api";
import { ForumCampaigns } from "../features/forums/components/ForumCampaigns";
import { ForumFacts } from "../features/forums/components/ForumFacts";
import { MinutesEditor } from "../features/forums/components/MinutesEditor";
import { ModerationBoard } from "../features/forums/components/ModerationBoard";
import { ReportFileUpload } from "../features/forums/components/ReportFileUpload";
import { SecretaryEntry } from "../features/forums/components/SecretaryEntry";
import { useForum } from "../features/forums/hooks/useForum";
import { useLiveState } from "../features/forums/hooks/useLiveState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/console/forums/:id`: one forum — run it live (secretary, chair), its documents and minutes. */
export function ConsoleForumPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const forum = useForum(id);
  const me = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const canRun = forum.data?.canRun === true;
  const live = useLiveState<ModerationState>(canRun ? liveUrl(id, "moderation") : null);
  useDocumentTitle(forum.data?.title ?? t("forums.consoleTitle"), t("app.name"));
  if (forum.isPending) return <LoadingState label={t("common.loading")} />;
  if (forum.error) return <ErrorAlert title={t("forums.loadError")}>{forum.error.message}</ErrorAlert>;
  const f = forum.data;
  const move = async (action: "start" | "end" | "cancel") => {
    setError(null);
    try {
      await moveForum(id, action);
      await queryClient.invalidateQueries({ queryKey: forumKeys.forum(id) });
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    }
  };
  return (
    <Stack gap="lg">
      <PageTitle>{f.title}</PageTitle>
      <ForumFacts forum={f} showReport={false} />
      {error && <ErrorAlert title={t("forums.actionError")}>{error}</ErrorAlert>}
      <Group gap="sm">
        {canRun && f.status === "planned" && <Button onClick={() => void move("start")}>{t("forums.actions.start")}</Button>}
        {canRun && f.status === "live" && <Button onClick={() => void move("end")}>{t("forums.actions.end")}</Button>}
        {canRun && f.status === "planned" && (
          <Button variant="outline" onClick={() => void move("cancel")}>
            {t("forums.actions.cancel")}
          </Button>
        )}
        <Anchor component={Link} to={`/forums/${id}`}>
          {t("forums.links.public")}
        </Anchor>
        <Anchor component={Link} to={`/forums/${id}/projector`} target="_blank">
          {t("forums.links.projector")}
        </Anchor>
        <Anchor href={`/api/forums/${id}/poster.docx`} download>
          {t("forums.links.poster")}
        </Anchor>
      </Group>
      <Text size="sm">
        {t("forums.links.qr")}: {f.publicUrl}
      </Text>
      {canRun && <ReportFileUpload forumId={id} current={f.reportFile} />}
      <ForumCampaigns forumId={id} />
      <Tabs defaultValue={f.status === "ended" ? "minutes" : "chair"} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="chair">{t("forums.tabs.chair")}</Tabs.Tab>
          <Tabs.Tab value="secretary">{t("forums.tabs.secretary")}</Tabs.Tab>
          <Tabs.Tab value="minutes">{t("forums.tabs.minutes")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chair" pt="md">
          {live.state ? <ModerationBoard forumId={id} items={live.state.items} /> : <LoadingState label={t("common.loading")} />}
        </Tabs.Panel>
        <Tabs.Panel value="secretary" pt="md">
          {me.data && canRun && (f.status === "live" || f.status === "planned") ? (
            <SecretaryEntry forumId={id} unitId={f.unitId} userId={me.data.id} />
          ) : (
            <Text>{t("forums.secretary.closed")}</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MinutesEditor forum={f} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
