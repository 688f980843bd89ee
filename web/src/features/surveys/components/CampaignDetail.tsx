import { Anchor, Badge, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDay } from "../../../ui/format-date-time";
import { LoadingState } from "../../../ui/LoadingState";
import { Notice } from "../../../ui/Notice";
import { downloadCodesSheet, fetchCampaign, issueCodes, publishCampaign, surveyKeys, type Campaign } from "../api";
import { EditCampaignForm } from "./EditCampaignForm";
import { FlaggedResponses } from "./FlaggedResponses";
import { PaperEntry } from "./PaperEntry";


function UnitCard({ campaign, unit }: { campaign: Campaign; unit: Campaign["units"][number] }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[]>([]);
  const [isEntering, setIsEntering] = useState(false);
  const issue = useMutation({ mutationFn: () => issueCodes(campaign.id, unit.unitId, 20), onSuccess: setCodes });
  const sheet = useMutation({ mutationFn: () => downloadCodesSheet(campaign.id, unit.unitId, 30) });
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Text fw={600}>{unit.name}</Text>
        {unit.canPrint && (
          <Image
            src={`/api/surveys/campaigns/${campaign.id}/units/${unit.unitId}/qr.svg`}
            alt={t("surveys.console.qrAlt", { unit: unit.name })}
            w={140}
            h={140}
          />
        )}
        <Anchor component={Link} to={unit.surveyPath} size="sm">
          {unit.surveyUrl}
        </Anchor>
        {unit.canPrint && (
          <Group gap="xs">
            <Anchor href={`/api/surveys/campaigns/${campaign.id}/units/${unit.unitId}/poster.docx`} size="sm" download>
              {t("surveys.console.poster")}
            </Anchor>
            <Anchor href={`/api/surveys/campaigns/${campaign.id}/units/${unit.unitId}/paper-form.docx`} size="sm" download>
              {t("surveys.console.paperForm")}
            </Anchor>
          </Group>
        )}
        {unit.canEnter && (
          <Button size="xs" variant="default" onClick={() => setIsEntering((v) => !v)} aria-expanded={isEntering}>
            {t("surveys.paper.open")}
          </Button>
        )}
        {unit.canEnter && campaign.family === "contact" && (
          <Button size="xs" variant="light" onClick={() => issue.mutate()} loading={issue.isPending}>
            {t("surveys.console.issueCodes")}
          </Button>
        )}
        {unit.canEnter && campaign.family === "contact" && (
          <Button size="xs" variant="light" onClick={() => sheet.mutate()} loading={sheet.isPending}>
            {t("surveys.console.codesSheet")}
          </Button>
        )}
        {codes.length > 0 && (
          <Text size="sm" ff="monospace" aria-label={t("surveys.console.codesLabel")}>
            {codes.join("  ")}
          </Text>
        )}
        {issue.error && <ErrorAlert title={t("surveys.console.codesError")}>{issue.error.message}</ErrorAlert>}
        {sheet.error && <ErrorAlert title={t("surveys.console.codesError")}>{sheet.error.message}</ErrorAlert>}
        {isEntering && <PaperEntry campaign={campaign} unitId={unit.unitId} />}
      </Stack>
    </Paper>
  );
}

/**
 * A campaign: its units' QR codes and links, one-time codes, publication, the dashboard and the flags; its
 * evaluating unit's leader can edit it (`candidates`: the units of the leader's subtree that may be added).
 */
export function CampaignDetail({
  campaignId,
  isLeaderOf,
  candidates,
}: {
  campaignId: string;
  isLeaderOf: (unitId: string) => boolean;
  candidates: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setIsEditing] = useState(false);
  const [hasSaved, setHasSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [shouldFocusEdit, setShouldFocusEdit] = useState(false);
  // Closing the edit form removes the focused element: the focus goes back to the button that opened it.
  useEffect(() => {
    if (!shouldFocusEdit) return;
    editButton.current?.focus();
    setShouldFocusEdit(false);
  }, [shouldFocusEdit]);
  const campaign = useQuery({ queryKey: surveyKeys.campaign(campaignId), queryFn: ({ signal }) => fetchCampaign(campaignId, signal) });
  const publish = useMutation({
    mutationFn: () => publishCampaign(campaignId),
    onSuccess: (data) => queryClient.setQueryData(surveyKeys.campaign(campaignId), data),
  });
  if (campaign.isPending) return <LoadingState label={t("common.loading")} />;
  if (campaign.error) return <ErrorAlert title={t("surveys.console.loadError")}>{campaign.error.message}</ErrorAlert>;
  const c = campaign.data;
  if (isEditing) {
    return (
      <EditCampaignForm
        campaign={c}
        candidates={candidates}
        onDone={(saved) => {
          setIsEditing(false);
          setHasSaved(saved !== null);
          setShouldFocusEdit(true);
        }}
      />
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>{c.title}</Title>
      {hasSaved && (
        <div role="status">
          <Notice>{t("campaignEditor.saved")}</Notice>
        </div>
      )}
      <Group gap="xs">
        <Badge variant="light">{t(`surveys.families.${c.family}`)}</Badge>
        <Text size="sm">{t("surveys.console.periodLine", { from: formatDay(c.startsOn), to: formatDay(c.endsOn) })}</Text>
        <Text size="sm">{t("surveys.console.templateLine", { code: c.templateCode, version: c.templateVersion, count: c.questions.length })}</Text>
      </Group>
      <Group gap="sm">
        <Anchor component={Link} to={`/console/satisfaction?campaign=${c.id}`}>
          {t("surveys.console.openDashboard")}
        </Anchor>
        <Anchor href={`/api/surveys/campaigns/${c.id}/paper-template.xlsx`} download>
          {t("surveys.console.paperTemplate")}
        </Anchor>
        {isLeaderOf(c.evaluatingUnitId) && (
          <Button
            ref={editButton}
            size="xs"
            variant="default"
            onClick={() => {
              setHasSaved(false);
              setIsEditing(true);
            }}
          >
            {t("campaignEditor.edit")}
          </Button>
        )}
        {c.publishedAt ? (
          <Anchor component={Link} to={`/s/${c.id}/results`}>
            {t("surveys.console.publicResults")}
          </Anchor>
        ) : (
          isLeaderOf(c.evaluatingUnitId) && (
            <Button size="xs" variant="light" onClick={() => publish.mutate()} loading={publish.isPending}>
              {t("surveys.console.publish")}
            </Button>
          )
        )}
      </Group>
      {publish.error && <ErrorAlert title={t("surveys.console.publishError")}>{publish.error.message}</ErrorAlert>}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {c.units.map((unit) => (
          <UnitCard key={unit.unitId} campaign={c} unit={unit} />
        ))}
      </SimpleGrid>
      <FlaggedResponses campaignId={c.id} />
    </Stack>
  );
}
