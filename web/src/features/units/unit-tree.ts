import { foldText } from "../../ui/fold-text";
import type { Unit } from "./api";

/** A unit placed in the tree: its depth, its ancestors' names and a folded search key. */
export interface UnitOption {
  unit: Unit;
  depth: number;
  /** Names of the ancestors, root first. */
  ancestors: string[];
  /** Folded "name short name ancestors" used by the picker's search. */
  searchKey: string;
}

/**
 * Orders the flat unit list depth-first (each unit followed by its subordinates), keeping the
 * server's Vietnamese collation among siblings. Units whose parent is not listed become roots.
 */
export function orderUnitsAsTree(units: readonly Unit[]): UnitOption[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(unit);
    else children.set(parent, [unit]);
  }

  const ordered: UnitOption[] = [];
  const visited = new Set<string>();
  const visit = (unit: Unit, depth: number, ancestors: string[]) => {
    if (visited.has(unit.id)) return; // a cycle in bad data must not hang the page
    visited.add(unit.id);
    const searchKey = foldText([unit.name, unit.shortName, ...ancestors].join(" "));
    ordered.push({ unit, depth, ancestors, searchKey });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1, [...ancestors, unit.name]);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, []);
  return ordered;
}

/** Splits a search query into folded words ("Thiệu  Hóa" → ["thieu", "hoa"]). */
export function foldQueryWords(query: string): string[] {
  return foldText(query).split(" ").filter(Boolean);
}

/** True when every folded query word occurs in the option's search key (with or without diacritics). */
export function matchesUnitWords(option: UnitOption, words: readonly string[]): boolean {
  return words.every((word) => option.searchKey.includes(word));
}
