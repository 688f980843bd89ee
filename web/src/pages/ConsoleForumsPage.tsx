import { Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMe } from "../features/auth/hooks/useMe";
import { fetchForumPlan, forumKeys } from "../features/forums/api";
import { ForumCoverage } from "../features/forums/components/ForumCoverage";
import { ForumForm } from "../features/forums/components/ForumForm";
import { ForumPlanTable } from "../features/forums/components/ForumPlanTable";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";
import { yearInVietnam } from "../ui/vietnam-time";

/** `/console/forums`: the year's forum plan, planning a new forum, coverage of the communes and the figures. */
export function ConsoleForumsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const thisYear = yearInVietnam();
  const [year, setYear] = useState(thisYear);
  const [planning, setPlanning] = useState(false);
  const plan = useQuery({ queryKey: forumKeys.plan(year), queryFn: ({ signal }) => fetchForumPlan(year, signal) });
  useDocumentTitle(t("forums.consoleTitle"), t("app.name"));
  const canPlan = me.data?.role === "leader" || me.data?.role === "officer";
  return (
    <Stack gap="lg">
      <PageTitle>{t("forums.consoleTitle")}</PageTitle>
      <Text>{t("forums.consoleIntro")}</Text>
      <Group align="end">
        <NativeSelect
          label={t("forums.plan.year")}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[thisYear - 1, thisYear, thisYear + 1].map(String)}
        />
        {canPlan && (
          <Button variant={planning ? "outline" : "filled"} onClick={() => setPlanning((p) => !p)} aria-expanded={planning}>
            {t("forums.plan.new")}
          </Button>
        )}
      </Group>
      {planning && me.data && (
        <section aria-labelledby="forum-new-title">
          <Title order={2} id="forum-new-title" mb="xs">
            {t("forums.plan.new")}
          </Title>
          <ForumForm
            unitId={me.data.unitId}
            onCreated={(forum) => {
              void queryClient.invalidateQueries({ queryKey: forumKeys.all });
              void navigate(`/console/forums/${forum.id}`);
            }}
          />
        </section>
      )}
      <section aria-labelledby="forum-plan-title">
        <Title order={2} id="forum-plan-title" mb="xs">
          {t("forums.plan.title", { year })}
        </Title>
        {plan.data ? <ForumPlanTable forums={plan.data.items} /> : <LoadingState label={t("common.loading")} />}
      </section>
      <section aria-labelledby="forum-coverage-title">
        <Title order={2} id="forum-coverage-title" mb="xs">
          {t("forums.coverage.title", { year })}
        </Title>
        <ForumCoverage from={`${year}-01-01`} to={`${year}-12-31`} />
      </section>
    </Stack>
  );
}
