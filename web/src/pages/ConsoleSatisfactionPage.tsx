import { Anchor, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { SatisfactionDashboard } from "../features/satisfaction/components/SatisfactionDashboard";
import { dashboardUrl } from "../features/satisfaction/api";
import { useDashboard } from "../features/satisfaction/hooks/useDashboard";
import { periodChoices } from "../features/satisfaction/periods";
import { fetchCampaigns, surveyKeys } from "../features/surveys/api";
import { ErrorAlert } from "../ui/ErrorAlert";
import { LoadingState } from "../ui/LoadingState";
import { PageTitle } from "../ui/PageTitle";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** `/console/satisfaction`: a campaign's satisfaction dashboard for a unit and its subtree. */
export function ConsoleSatisfactionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("satisfaction.title"), t("app.name"));
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery({ queryKey: surveyKeys.campaigns(), queryFn: ({ signal }) => fetchCampaigns(signal) });
  const campaignId = params.get("campaign") ?? campaigns.data?.[0]?.id ?? "";
  const period = params.get("period") ?? "";
  const unitId = params.get("unit") ?? "";
  const dashboard = useDashboard({ campaignId, period, unitId });
  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set("campaign", campaignId);
    if (value === "") next.delete(key);
    else next.set(key, value);
    if (key === "campaign") next.delete("unit");
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t("satisfaction.title")}</PageTitle>
      {campaigns.isPending && <LoadingState label={t("common.loading")} />}
      {campaigns.error && <ErrorAlert title={t("satisfaction.loadError")}>{campaigns.error.message}</ErrorAlert>}
      {campaigns.data?.length === 0 && <Text>{t("satisfaction.noCampaigns")}</Text>}
      {campaign && (
        <Group align="end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t("satisfaction.campaign")}
            value={campaignId}
            onChange={(e) => set("campaign", e.currentTarget.value)}
            data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
          <NativeSelect
            label={t("satisfaction.period")}
            value={period}
            onChange={(e) => set("period", e.currentTarget.value)}
            data={[{ value: "", label: t("satisfaction.wholeCampaign") }, ...periodChoices(campaign.startsOn, campaign.endsOn).map((p) => ({ value: p, label: p }))]}
          />
          {dashboard.data && (
            <NativeSelect
              label={t("satisfaction.unit")}
              value={unitId}
              onChange={(e) => set("unit", e.currentTarget.value)}
              data={[
                { value: "", label: dashboard.data.root.name },
                ...dashboard.data.units.filter((u) => u.unitId !== dashboard.data.root.id).map((u) => ({ value: u.unitId, label: u.name })),
              ]}
            />
          )}
          <Anchor href={dashboardUrl({ campaignId, period, unitId }, "xlsx")} download>
            {t("satisfaction.exportXlsx")}
          </Anchor>
        </Group>
      )}
      {dashboard.isPending && campaignId !== "" && <LoadingState label={t("common.loading")} />}
      {dashboard.error && <ErrorAlert title={t("satisfaction.loadError")}>{dashboard.error.message}</ErrorAlert>}
      {dashboard.data && <SatisfactionDashboard dashboard={dashboard.data} />}
    </Stack>
  );
}
