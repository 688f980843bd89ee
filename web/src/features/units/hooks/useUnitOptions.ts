import { useMemo } from "react";
import { orderUnitsAsTree, type UnitOption } from "../unit-tree";
import { useUnits } from "./useUnits";

/** The unit tree ordered for the picker, with a lookup by id. */
export function useUnitOptions() {
  const query = useUnits();
  const options = useMemo(() => orderUnitsAsTree(query.data ?? []), [query.data]);
  const byId = useMemo(() => new Map<string, UnitOption>(options.map((option) => [option.unit.id, option])), [options]);
  return { ...query, options, byId };
}
