import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../ui/DateTime";
import type { Forum } from "../api";

/** The year's forums of the subtree, in date order. */
export function ForumPlanTable({ forums }: { forums: Forum[] }) {
  const { t } = useTranslation();
  if (forums.length === 0) return <Text>{t("forums.plan.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped captionSide="top" data-testid="forum-plan">
        <Table.Caption>{t("forums.plan.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("forums.when")}</Table.Th>
            <Table.Th scope="col">{t("forums.form.title")}</Table.Th>
            <Table.Th scope="col">{t("forums.where")}</Table.Th>
            <Table.Th scope="col">{t("forums.plan.status")}</Table.Th>
            <Table.Th scope="col">{t("forums.plan.opinions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {forums.map((forum) => (
            <Table.Tr key={forum.id}>
              <Table.Td>
                <DateTime value={forum.startsAt} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/console/forums/${forum.id}`}>
                  {forum.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{[forum.hamlet, forum.locationName?.replace(/^Công an /, "")].filter(Boolean).join(", ")}</Table.Td>
              <Table.Td>
                <Badge variant="light" color="dark" radius="sm" tt="none">
                  {t(`forums.status.${forum.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{forum.opinionCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
