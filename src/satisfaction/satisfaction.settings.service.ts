import type { Executor } from "../db/index.ts";
import type { Band } from "./satisfaction.index.ts";
import { findSettings, listBands } from "./satisfaction.settings.queries.ts";

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

/** The settings. */
export async function getSettings({ db }: { db: Executor }): Promise<SatisfactionSettings> {
  const row = await findSettings(db);
  return { minN: row.min_n, burstCount: row.burst_count, burstMinutes: row.burst_minutes, straightLineMin: row.straight_line_min };
}

/** The grading bands, highest first, with their names. */
export async function getBands({ db }: { db: Executor }): Promise<(Band & { name: { vi: string; en: string } })[]> {
  const rows = await listBands(db);
  return rows.map((r) => ({ code: r.code, minRate: Number(r.min_rate), name: { vi: r.name_vi, en: r.name_en } }));
}
