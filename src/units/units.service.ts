import type { Executor } from "../db/index.ts";
import { unprocessable } from "../http/errors.ts";
import type { Language } from "../http/messages.ts";
import { todayInVietnam } from "../text/dates.ts";
import { compareVietnamese, foldForSearch, normalizeText } from "../text/vietnamese.ts";
import {
  countUnits,
  findUnitById,
  insertUnit,
  insertUnitSuccessor,
  isUnitInSubtree,
  listSubtreeUnitIds,
  findUnitsVersion,
  listUnitTree,
  listUnitsValidOn,
} from "./units.queries.ts";

/** A unit as the public unit picker shows it. */
export interface UnitSummary {
  id: string;
  name: string;
  shortName: string;
  levelCode: string;
  levelName: string;
  parentId: string | null;
  areaCode: string | null;
}

/**
 * The units that exist today, parents before children and siblings in Vietnamese alphabetical order
 * (a depth-first walk of the tree), for the citizen's unit picker.
 */
export async function listActiveUnits({
  db,
  lang,
  day = todayInVietnam(),
}: {
  db: Executor;
  lang: Language;
  day?: string;
}): Promise<UnitSummary[]> {
  const rows = await listUnitsValidOn(db, day);
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const parent = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: UnitSummary[] = [];
  const visit = (parent: string | null) => {
    const siblings = (children.get(parent) ?? []).sort(
      (a, b) => a.rank - b.rank || compareVietnamese(a.name, b.name),
    );
    for (const row of siblings) {
      ordered.push({
        id: row.id,
        name: row.name,
        shortName: row.short_name,
        levelCode: row.level_code,
        levelName: lang === "en" ? row.level_name_en : row.level_name_vi,
        parentId: row.parent_id,
        areaCode: row.area_code,
      });
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** The unit a citizen addresses: it must exist and be valid today (422 otherwise, naming `field`). */
export async function requireActiveUnit({
  db,
  unitId,
  field = "unitId",
  day = todayInVietnam(),
}: {
  db: Executor;
  unitId: string;
  field?: string;
  day?: string;
}) {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw unprocessable("unit.not_found", field);
  if (unit.valid_from > day || (unit.valid_to !== null && unit.valid_to < day)) {
    throw unprocessable("unit.inactive", field);
  }
  return { id: unit.id, name: unit.name, parentId: unit.parent_id };
}

/** The name of a unit, or undefined when there is no such unit. */
export async function findUnitName({ db, unitId }: { db: Executor; unitId: string }) {
  return (await findUnitById(db, unitId))?.name;
}

/** A unit's name, short name and its superior's name, as a document's header needs them; undefined when none. */
export async function findIssuingUnit({ db, unitId }: { db: Executor; unitId: string }) {
  const unit = await findUnitById(db, unitId);
  if (!unit) return undefined;
  const superior = unit.parent_id ? await findUnitById(db, unit.parent_id) : undefined;
  return { name: unit.name, shortName: unit.short_name, superiorName: superior?.name ?? null };
}

/** The ids of a unit's subtree (itself included, historical units too): the scope of its users. */
export async function listSubtreeIds({ db, rootId }: { db: Executor; rootId: string }) {
  return listSubtreeUnitIds(db, rootId);
}

/** Whether `unitId` lies in the subtree of `rootId` (itself included). */
export async function isInSubtree({ db, rootId, unitId }: { db: Executor; rootId: string; unitId: string }) {
  return rootId === unitId || isUnitInSubtree(db, rootId, unitId);
}

/** Creates a unit (names stored NFC, with a diacritic-free search key) and returns its id. */
export async function createUnit({
  db,
  unit,
}: {
  db: Executor;
  unit: {
    id?: string;
    name: string;
    shortName: string;
    levelCode: string;
    parentId: string | null;
    areaCode?: string | null;
    validFrom: string;
    validTo?: string | null;
    successorOf?: string[];
  };
}): Promise<string> {
  const name = normalizeText(unit.name);
  const id = await insertUnit(db, {
    id: unit.id,
    name,
    shortName: normalizeText(unit.shortName),
    levelCode: unit.levelCode,
    parentId: unit.parentId,
    areaCode: unit.areaCode ?? null,
    validFrom: unit.validFrom,
    validTo: unit.validTo ?? null,
    searchKey: foldForSearch(name),
  });
  for (const predecessor of unit.successorOf ?? []) await insertUnitSuccessor(db, predecessor, id);
  return id;
}

/** Whether no unit exists yet: a fresh installation. */
export async function hasNoUnits({ db }: { db: Executor }): Promise<boolean> {
  return (await countUnits(db)) === 0;
}

/** A unit of a subtree with its parent, last day of validity and successors: for roll-ups over history. */
export interface SubtreeUnit {
  id: string;
  name: string;
  parentId: string | null;
  levelCode: string;
  validTo: string | null;
  successorIds: string[];
}

/** The whole unit tree in memory: each unit, and the units whose parent it is. */
interface UnitTree {
  version: string;
  units: Map<string, SubtreeUnit>;
  children: Map<string, string[]>;
}

// Per database: the tree as last read, and the read under way. The dashboard walks a country's 3,300 units on
// every request; one tiny read of the tree's version tells whether the memo is still current.
const unitTrees = new WeakMap<Executor, Promise<UnitTree>>();

async function loadUnitTree(db: Executor): Promise<UnitTree> {
  const { version, units: rows } = await listUnitTree(db);
  const units = new Map<string, SubtreeUnit>();
  const children = new Map<string, string[]>();
  for (const r of rows) {
    units.set(r.id, { id: r.id, name: r.name, parentId: r.parent_id, levelCode: r.level_code, validTo: r.valid_to, successorIds: r.successor_ids ?? [] });
    if (!r.parent_id) continue;
    const siblings = children.get(r.parent_id);
    if (siblings) siblings.push(r.id);
    else children.set(r.parent_id, [r.id]);
  }
  return { version, units, children };
}

async function currentUnitTree(db: Executor): Promise<UnitTree> {
  // Inside a transaction the tree may hold changes not yet committed: read it there, never keep it.
  if (db.isTransaction) return loadUnitTree(db);
  const [cached, version] = await Promise.all([unitTrees.get(db), findUnitsVersion(db)]);
  if (cached && cached.version === version) return cached;
  const loading = loadUnitTree(db);
  unitTrees.set(db, loading);
  loading.catch(() => unitTrees.delete(db));
  return loading;
}

/** A unit's whole subtree (historical units included), each with its successors; empty for an unknown unit. */
export async function listSubtreeUnits({ db, rootId }: { db: Executor; rootId: string }): Promise<SubtreeUnit[]> {
  const tree = await currentUnitTree(db);
  const root = tree.units.get(rootId);
  if (!root) return [];
  const subtree = [root];
  const seen = new Set([rootId]);
  for (let i = 0; i < subtree.length; i++) {
    for (const childId of tree.children.get((subtree[i] as SubtreeUnit).id) ?? []) {
      if (seen.has(childId)) continue;
      seen.add(childId);
      subtree.push(tree.units.get(childId) as SubtreeUnit);
    }
  }
  return subtree;
}
