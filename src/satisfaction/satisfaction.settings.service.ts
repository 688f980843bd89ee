import { cachedPerDb } from "../db/cache.ts";
import type { Executor } from "../db/index.ts";
import type { Band } from "./satisfaction.index.ts";
import { findSettings, listBands, listMargins } from "./satisfaction.settings.queries.ts";

/** The honest-measurement settings (a table, so an installation can change them without a release). */
export interface SatisfactionSettings {
  /** Below this many valid answers a rate is not shown. */
  minN: number;
  /** A burst: at least `burstCount` responses for one unit within `burstMinutes`. */
  burstCount: number;
  burstMinutes: number;
  /** Straight-lining: the same level on every Likert question, with at least this many answered. */
  straightLineMin: number;
}

// Read on every response: kept for 10 s per database (a change shows within that time on every instance).
const settingsCache = cachedPerDb(async (db) => {
  const row = await findSettings(db);
  return { minN: row.min_n, burstCount: row.burst_count, burstMinutes: row.burst_minutes, straightLineMin: row.straight_line_min };
}, 10_000);

/** The settings. */
export async function getSettings({ db }: { db: Executor }): Promise<SatisfactionSettings> {
  return settingsCache.get(db);
}

/** The grading bands, highest first, with their names. */
export async function getBands({ db }: { db: Executor }): Promise<(Band & { name: { vi: string; en: string } })[]> {
  const rows = await listBands(db);
  return rows.map((r) => ({ code: r.code, minRate: Number(r.min_rate), name: { vi: r.name_vi, en: r.name_en } }));
}

/** The margins to weight a unit's figures to: the unit's own for an attribute, else the defaults. */
export async function getMargins({ db, unitId }: { db: Executor; unitId: string }): Promise<Record<string, Record<string, number>>> {
  const rows = await listMargins(db, unitId);
  const own = new Set(rows.filter((r) => r.unit_id !== null).map((r) => r.attribute));
  const margins: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    if (r.unit_id === null && own.has(r.attribute)) continue;
    (margins[r.attribute] ??= {})[r.value] = Number(r.share);
  }
  return margins;
}
