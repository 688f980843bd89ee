import { Group, Paper, SimpleGrid, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../../../ui/LoadingState";
import { useTopics } from "../../opinions/hooks/useTopics";
import { fetchCoverage, fetchStats, forumKeys } from "../api";

const pct = (value: number | null) => (value === null ? "—" : `${value.toLocaleString("vi-VN")}%`);

/** Which communes had a forum in the period, in which hamlets, and the forums' figures (opinions by topic too). */
export function ForumCoverage({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const coverage = useQuery({ queryKey: forumKeys.coverage(from, to), queryFn: ({ signal }) => fetchCoverage(from, to, signal) });
  const stats = useQuery({ queryKey: forumKeys.stats(from, to), queryFn: ({ signal }) => fetchStats(from, to, signal) });
  const topicNames = new Map((useTopics().data ?? []).map((topic) => [topic.code, topic.name]));
  if (!coverage.data || !stats.data) return <LoadingState label={t("common.loading")} />;
  const s = stats.data;
  const figures: [string, string][] = [
    [t("forums.stats.held"), String(s.forumsHeld)],
    [t("forums.stats.attendees"), String(s.attendees)],
    [t("forums.stats.opinions"), String(s.opinions)],
    [t("forums.stats.perForum"), s.opinionsPerForum === null ? "—" : String(s.opinionsPerForum)],
    [t("forums.stats.onSpot"), pct(s.answeredOnSpotShare)],
    [t("forums.stats.writtenOnTime"), pct(s.writtenOnTimeShare)],
  ];
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3 }} data-testid="forum-stats">
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="sm" radius="md">
            <Text size="sm">{label}</Text>
            <Text fw={700} size="xl">
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text mt="sm" size="sm" data-testid="forum-stats-topics">
        <strong>{t("forums.stats.byTopic")}:</strong>{" "}
        {[
          ...s.opinionsByTopic.map((row) => `${topicNames.get(row.topic) ?? row.topic} ${row.count}`),
          `${t("forums.topics.none")} ${s.unclassified}`,
        ].join(" · ")}
      </Text>
      <Group mt="md">
        <Text fw={600}>{t("forums.coverage.summary", { covered: coverage.data.coveredCount, total: coverage.data.totalCount })}</Text>
      </Group>
      <Table.ScrollContainer minWidth={480}>
        <Table striped captionSide="top" data-testid="forum-coverage">
          <Table.Caption>{t("forums.coverage.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("forums.coverage.commune")}</Table.Th>
              <Table.Th scope="col">{t("forums.coverage.count")}</Table.Th>
              <Table.Th scope="col">{t("forums.coverage.hamlets")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {coverage.data.items.map((row) => (
              <Table.Tr key={row.unitId}>
                <Table.Td>{row.unitName.replace(/^Công an /, "")}</Table.Td>
                <Table.Td>{row.forumCount === 0 ? t("forums.coverage.none") : row.forumCount}</Table.Td>
                <Table.Td>{row.hamlets.join(", ")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
