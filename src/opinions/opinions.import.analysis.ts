/**
 * The check of an import file: parsed, then each row checked against the database — its unit and commune
 * among the units of the actor's subtree that exist today, its topics in the configured list, its fingerprint
 * against the opinions imported before.
 */
import type { UserActor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { foldForSearch } from "../text/vietnamese.ts";
import { listActiveUnits, listSubtreeIds } from "../units/units.service.ts";
import { parseImportFile, type ColumnMapping, type ImportedOpinion, type ImportRowError } from "./opinions.import.ts";
import {
  listActiveTopics,
  listExistingImportFingerprints,
  type ImportChanges,
  type StoredRowError,
} from "./opinions.import.queries.ts";
import { responsibleUnitsFor, type IntakeInput } from "./opinions.intake.service.ts";
import type { OpinionChannel } from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** Per-row errors kept for the officer to read; the counts cover them all. */
const MAX_STORED_ERRORS = 500;
const PREVIEW_ROWS = 20;
const EXCERPT_LENGTH = 160;
/** Fingerprints per look-up of earlier imports. */
const LOOKUP_CHUNK = 5_000;

/** A valid row as the officer checks it before committing. */
export interface ImportPreviewRow {
  rowNumber: number;
  excerpt: string;
  kind: string;
  channel: string;
  receivedAt: string | null;
  /** The unit that will handle it: the row's, or the one a routing rule names. */
  unitName: string;
  /** Imported before (by this unit): it will be skipped. */
  duplicate: boolean;
}

interface UnitMatch {
  id: string;
  name: string;
}

/** Units of the actor's subtree that exist today, found by id, name or short name, without diacritics. */
async function loadUnitResolver(db: Executor, actor: UserActor) {
  const scope = new Set(await listSubtreeIds({ db, rootId: actor.unitId }));
  const units = await listActiveUnits({ db, lang: "vi" });
  const byId = new Map<string, UnitMatch>();
  const byKey = new Map<string, UnitMatch[]>();
  const index = (key: string, unit: UnitMatch) => {
    const list = byKey.get(key) ?? [];
    if (!list.some((u) => u.id === unit.id)) list.push(unit);
    byKey.set(key, list);
  };
  for (const unit of units) {
    const match = { id: unit.id, name: unit.name };
    byId.set(unit.id, match);
    for (const name of [unit.name, unit.shortName]) {
      const key = foldForSearch(name);
      index(key, match);
      // A commune's police is written as the commune itself in a "Xã/Phường" column: "Xã Thiệu Hóa".
      if (key.startsWith("cong an ")) index(key.slice("cong an ".length), match);
    }
  }
  const resolve = (ref: string): UnitMatch | { error: string } => {
    const exact = byId.get(ref.trim().toLowerCase());
    const candidates = exact ? [exact] : (byKey.get(foldForSearch(ref)) ?? []);
    const inScope = candidates.filter((u) => scope.has(u.id));
    if (inScope.length === 1 && inScope[0]) return inScope[0];
    if (inScope.length > 1) return { error: "import.unit_ambiguous" };
    return { error: candidates.length > 0 ? "import.unit_out_of_scope" : "import.unit_unknown" };
  };
  return { resolve, nameOf: (unitId: string) => byId.get(unitId)?.name };
}

/** Topic codes by code and by folded name, as the parser folds what the file says ("Ma túy" → "ma_tuy"). */
async function loadTopicResolver(db: Executor) {
  const codes = new Map<string, string>();
  const key = (name: string) => foldForSearch(name).replace(/ /g, "_");
  for (const topic of await listActiveTopics(db)) {
    codes.set(topic.code, topic.code);
    codes.set(key(topic.name_vi), topic.code);
    codes.set(key(topic.name_en), topic.code);
  }
  return (topic: string) => codes.get(topic);
}

/** A row ready to store: its opinion, where it goes, its import fingerprint. */
export interface ResolvedRow {
  rowNumber: number;
  opinion: ImportedOpinion;
  unitId: string;
  unitName: string;
  locationUnitId: string | null;
  topics: string[];
  fingerprint: string;
}

/** A checked file: its rows counted, the first errors, the valid rows resolved, the ones imported before. */
export interface Analysis {
  headers: string[];
  mapping: Record<string, string>;
  total: number;
  invalid: number;
  errors: StoredRowError[];
  valid: ResolvedRow[];
  duplicates: Set<string>;
  preview: ImportPreviewRow[];
}

/** What the check and the commit need to know of an import. */
export interface ImportRecord {
  id: string;
  unitId: string;
  unitName: string;
  fileName: string;
  channel: OpinionChannel;
  mapping: ColumnMapping | undefined;
}

/** Parses the file and checks each row against the database: units in the actor's subtree, topics, earlier imports. */
export async function analyseImport({
  db,
  actor,
  record,
  data,
  onProgress,
}: {
  db: Executor;
  actor: UserActor;
  record: ImportRecord;
  data: Buffer;
  onProgress: (rowsRead: number, fraction: number) => void;
}): Promise<Analysis> {
  const parsed = await parseImportFile({
    data,
    fileName: record.fileName,
    ...(record.mapping && { mapping: record.mapping }),
    defaultChannel: record.channel,
    onProgress,
  });
  const units = await loadUnitResolver(db, actor);
  const resolveUnit = units.resolve;
  const resolveTopic = await loadTopicResolver(db);
  const errors: StoredRowError[] = [];
  const valid: ResolvedRow[] = [];
  let invalid = 0;
  for (const row of parsed.rows) {
    const rowErrors: ImportRowError[] = [...row.errors];
    const opinion = row.opinion;
    let resolved: ResolvedRow | undefined;
    if (opinion) {
      let unit: UnitMatch = { id: record.unitId, name: record.unitName };
      if (opinion.unitRef !== null) {
        const found = resolveUnit(opinion.unitRef);
        if ("error" in found) rowErrors.push({ field: "unit", code: found.error });
        else unit = found;
      }
      let locationUnitId: string | null = null;
      if (opinion.locationRef !== null) {
        const found = resolveUnit(opinion.locationRef);
        if ("error" in found) rowErrors.push({ field: "location", code: found.error });
        else locationUnitId = found.id;
      }
      const topics = opinion.topics.map(resolveTopic);
      if (topics.some((t) => t === undefined)) rowErrors.push({ field: "topics", code: "import.topic_unknown" });
      resolved = {
        rowNumber: row.rowNumber,
        opinion,
        unitId: unit.id,
        unitName: unit.name,
        locationUnitId,
        topics: [...new Set(topics.filter((t): t is string => t !== undefined))],
        // Per importing unit: another unit importing the same export is not refused.
        fingerprint: `${record.unitId}:${opinion.fingerprint}`,
      };
    }
    if (rowErrors.length > 0 || !resolved) {
      invalid += 1;
      for (const e of rowErrors) {
        if (errors.length < MAX_STORED_ERRORS) errors.push({ rowNumber: row.rowNumber, field: e.field, code: e.code });
      }
    } else valid.push(resolved);
  }
  const duplicates = new Set<string>();
  for (let start = 0; start < valid.length; start += LOOKUP_CHUNK) {
    const chunk = valid.slice(start, start + LOOKUP_CHUNK).map((r) => r.fingerprint);
    for (const fingerprint of await listExistingImportFingerprints(db, chunk)) duplicates.add(fingerprint);
  }
  const shown = valid.slice(0, PREVIEW_ROWS);
  // Where each row will go: its unit, or the one intake hands it to (routing rules, conduct).
  const now = clockNow();
  const handlerIds = await responsibleUnitsFor({ db, inputs: shown.map((row) => intakeOfRow({ importId: record.id, row, now })) });
  const preview = shown.map((row, i): ImportPreviewRow => {
    const handlerId = handlerIds[i] ?? row.unitId;
    return {
      rowNumber: row.rowNumber,
      excerpt: row.opinion.content.length > EXCERPT_LENGTH ? `${row.opinion.content.slice(0, EXCERPT_LENGTH - 1)}…` : row.opinion.content,
      kind: row.opinion.kind,
      channel: row.opinion.channel,
      receivedAt: row.opinion.receivedAt?.toISOString() ?? null,
      unitName: handlerId === row.unitId ? row.unitName : (units.nameOf(handlerId) ?? row.unitName),
      duplicate: duplicates.has(row.fingerprint),
    };
  });
  return {
    headers: parsed.headers,
    mapping: parsed.mapping as Record<string, string>,
    total: parsed.rows.length,
    invalid,
    errors,
    valid,
    duplicates,
    preview,
  };
}

/** One imported row as intake takes it: a file's row has no consent to publish, no officer named, no urgency. */
export function intakeOfRow({ importId, row, now }: { importId: string; row: ResolvedRow; now: Date }): IntakeInput {
  const { opinion } = row;
  // Someone who asked to stay anonymous keeps no contact details here, whatever the file holds.
  const contact = opinion.anonymous ? null : opinion.contact;
  return {
    unitId: row.unitId,
    channel: opinion.channel,
    kind: opinion.kind,
    content: opinion.content,
    contact,
    anonymous: contact === null,
    publicConsent: false,
    topics: row.topics,
    locationUnitId: row.locationUnitId,
    receivedAt: opinion.receivedAt ?? now,
    imported: { importId, fingerprint: row.fingerprint },
  };
}

/** What a finished check writes: counts, errors, preview. */
export function checkedState(analysis: Analysis): ImportChanges {
  return {
    status: "ready",
    headers: analysis.headers,
    mapping: analysis.mapping,
    rowsTotal: analysis.total,
    rowsValid: analysis.valid.length,
    rowsInvalid: analysis.invalid,
    rowsDuplicate: analysis.duplicates.size,
    rowsDone: analysis.total,
    progress: 1,
    errors: analysis.errors,
    preview: analysis.preview,
  };
}
