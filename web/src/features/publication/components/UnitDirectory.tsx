import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { useUnits } from "../../units/hooks/useUnits";
import { orderUnitsAsTree } from "../../units/unit-tree";

/** Every active unit as a link to its public page, indented under its superior. */
export function UnitDirectory() {
  const { t } = useTranslation();
  const units = useUnits();
  if (units.isPending) return <LoadingState label={t("common.loading")} />;
  if (units.error) return <ErrorAlert title={t("submit.unit.loadError")}>{units.error.message}</ErrorAlert>;
  const options = orderUnitsAsTree(units.data);
  if (options.length === 0) return <Text>{t("submit.unit.nothingFound")}</Text>;
  return (
    <ul className="unit-directory" data-testid="unit-directory">
      {options.map((o) => (
        <li key={o.unit.id} style={{ paddingInlineStart: `${o.depth * 1.25}rem` }}>
          <Anchor component={Link} to={`/units/${o.unit.id}`}>
            {o.unit.name}
          </Anchor>
        </li>
      ))}
    </ul>
  );
}
