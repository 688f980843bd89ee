import { Anchor, Badge, Grid, List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMe } from "../features/auth/hooks/useMe";
import { fetchCampaigns, surveyKeys } from "../features/surveys/api";
import { CampaignDetail } from "../features/surveys/components/CampaignDetail";
import { CreateCampaignForm } from "../features/surveys/components/CreateCampaignForm";
import { useUnits } from "../features/units/hooks/useUnits";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/console/surveys`: satisfaction campaigns — list, create, QR codes and codes, flags. */
export function ConsoleSurveysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("surveys.console.title"), t("app.name"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const units = useUnits();
  const campaigns = useQuery({ queryKey: surveyKeys.campaigns(), queryFn: ({ signal }) => fetchCampaigns(signal) });
  const selected = params.get("campaign");
  const isLeader = me.data?.role === "leader" || me.data?.role === "admin";
  const descendants = (() => {
    const all = units.data ?? [];
    const root = me.data?.unitId;
    const ids = new Set(root ? [root] : []);
    for (const u of all) if (u.parentId && ids.has(u.parentId)) ids.add(u.id);
    return all.filter((u) => ids.has(u.id) && u.id !== root).map((u) => ({ id: u.id, name: u.name }));
  })();
  return (
    <Stack gap="lg">
      <PageTitle>{t("surveys.console.title")}</PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <section aria-labelledby="campaigns-title">
            <Title order={2} id="campaigns-title" mb="xs">
              {t("surveys.console.listTitle")}
            </Title>
            {campaigns.data?.length === 0 && <Text>{t("surveys.console.none")}</Text>}
            <List listStyleType="none" spacing="xs">
              {campaigns.data?.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/console/surveys?campaign=${c.id}`} aria-current={c.id === selected ? "page" : undefined}>
                    {c.title}
                  </Anchor>{" "}
                  <Badge size="sm" variant="light">
                    {t(`surveys.families.${c.family}`)}
                  </Badge>
                </List.Item>
              ))}
            </List>
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <CampaignDetail key={selected} campaignId={selected} isLeaderOf={(unitId) => isLeader && me.data?.unitId === unitId} candidates={descendants} />
          ) : (
            isLeader && <CreateCampaignForm units={descendants} onCreated={(c) => navigate(`/console/surveys?campaign=${c.id}`)} />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
