/**
 * Roll-up through the dated unit tree: data of a unit that no longer exists counts for its successor
 * (DOMAIN.md §2: "Công an huyện Thiệu Hóa" → the communes that took over), and every unit's data counts
 * for the child of the dashboard's root that contains it.
 */

/** What the roll-up needs to know about a unit. */
export interface TreeUnit {
  id: string;
  parentId: string | null;
  validTo: string | null;
  successorIds: readonly string[];
}

/**
 * The unit whose figures include `unitId`'s data: itself while it exists, else (recursively) its first
 * successor inside the tree. A unit with several successors hands its data to the first (by id), so that
 * no answer counts twice.
 */
export function currentUnitOf(unitId: string, units: ReadonlyMap<string, TreeUnit>): string {
  const seen = new Set<string>();
  let id = unitId;
  for (;;) {
    const unit = units.get(id);
    if (!unit || unit.validTo === null || seen.has(id)) return id;
    seen.add(id);
    const next = unit.successorIds.find((s) => units.has(s));
    if (!next) return id;
    id = next;
  }
}

/**
 * The bucket of a unit's data on a dashboard rooted at `rootId`: the root's child containing the unit's
 * current successor, the root itself for its own data, or undefined for data outside the subtree.
 */
export function bucketOf(unitId: string, rootId: string, units: ReadonlyMap<string, TreeUnit>): string | undefined {
  let id: string | null = currentUnitOf(unitId, units);
  const seen = new Set<string>();
  while (id !== null && !seen.has(id)) {
    if (id === rootId) return rootId;
    const unit = units.get(id);
    if (!unit) return undefined;
    if (unit.parentId === rootId) return id;
    seen.add(id);
    id = unit.parentId;
  }
  return undefined;
}
