/**
 * The data set: a province's unit tree (the province, its divisions, its districts that ceased on 28/02/2025,
 * ~100 communes) and N opinions over the last 3 years, generated in SQL (one INSERT … SELECT from
 * generate_series per batch) from the built-in vocabulary. Deterministic: every choice comes from
 * hashint8 of the row number, so two runs load the same rows (bar the times, relative to now).
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../src/db/index.ts";
import { foldForSearch } from "../../src/text/vietnamese.ts";
import {
  CLOSINGS,
  OPENINGS,
  PLACES,
  PRAISE_CLOSINGS,
  RARE_MATTER,
  RARE_ONE_IN,
  TIMES,
  piece,
  weightedMatters,
} from "./vocabulary.ts";

export const SPAN_DAYS = 3 * 365;
/** The districts ceased on this day (the two-level local government of 2025). */
const DISTRICTS_UNTIL = "2025-02-28";

const DIVISIONS = [
  "Phòng Cảnh sát hình sự",
  "Phòng Cảnh sát giao thông",
  "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
  "Phòng Cảnh sát điều tra tội phạm về ma túy",
  "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
  "Phòng Tham mưu",
];
const DISTRICTS = [
  "Công an thành phố Thanh Hóa",
  "Công an huyện Thiệu Hóa",
  "Công an huyện Đông Sơn",
  "Công an huyện Hoằng Hóa",
  "Công an huyện Quảng Xương",
  "Công an huyện Triệu Sơn",
  "Công an huyện Yên Định",
  "Công an huyện Nông Cống",
  "Công an thị xã Nghi Sơn",
  "Công an huyện Thọ Xuân",
];
const COMMUNE_BASES = [
  "Thiệu Trung", "Thiệu Tiến", "Đông Tiến", "Đông Quang", "Hoằng Hóa", "Hoằng Tiến", "Quảng Ninh", "Quảng Bình",
  "Triệu Sơn", "Thọ Bình", "Yên Định", "Yên Trường", "Nông Cống", "Trung Chính", "Hạc Thành", "Hàm Rồng",
  "Nguyệt Viên", "Đông Sơn", "Sầm Sơn", "Nam Sầm Sơn", "Tĩnh Gia", "Hải Lĩnh", "Thọ Xuân", "Lam Sơn", "Xuân Lập",
];
const COMMUNE_SUFFIXES = ["", " Đông", " Nam", " Bắc"];
/** Channels, repeated by their relative frequency. */
const CHANNELS = Object.entries({
  web: 20, qr: 15, forum: 14, paper_form: 8, q4_letter: 2, letter: 5, in_person: 12, suggestion_box: 5,
  hotline: 8, email: 3, zalo: 5, import: 2, media: 1,
}).flatMap(([channel, weight]) => Array.from({ length: weight }, () => channel));

export interface UnitTree {
  provinceId: string;
  divisionIds: string[];
  districtIds: string[];
  communeIds: string[];
  /** The commune whose officer's inbox is measured: a typical one by volume (the 43rd busiest of 100). */
  officerCommuneId: string;
  officerCommuneName: string;
  count: number;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (values: readonly (string | null)[]) =>
  `ARRAY[${values.map((v) => (v === null ? "NULL" : literal(v))).join(",")}]::text[]`;
const uuidArray = (values: readonly string[]) => `ARRAY[${values.map(literal).join(",")}]::uuid[]`;

/** Creates the unit tree: the province, 6 divisions, 10 historical districts, 100 communes. */
export async function createUnits(db: Kysely<Database>): Promise<UnitTree> {
  const rows: { id: string; name: string; level: string; parent: string | null; from: string; to: string | null }[] = [];
  const provinceId = randomUUID();
  rows.push({ id: provinceId, name: "Công an tỉnh Thanh Hóa", level: "province", parent: null, from: "2000-01-01", to: null });
  const divisionIds = DIVISIONS.map((name) => {
    const id = randomUUID();
    rows.push({ id, name, level: "division", parent: provinceId, from: "2000-01-01", to: null });
    return id;
  });
  const districtIds = DISTRICTS.map((name) => {
    const id = randomUUID();
    rows.push({ id, name, level: "district", parent: provinceId, from: "2000-01-01", to: DISTRICTS_UNTIL });
    return id;
  });
  const communeNames = COMMUNE_SUFFIXES.flatMap((suffix, s) =>
    COMMUNE_BASES.map((base, b) => `Công an ${(b + s) % 3 === 0 ? "phường" : "xã"} ${base}${suffix}`),
  );
  const communeIds = communeNames.map((name) => {
    const id = randomUUID();
    rows.push({ id, name, level: "commune", parent: provinceId, from: "2020-01-01", to: null });
    return id;
  });
  const values = rows.map(
    (u) =>
      `(${literal(u.id)}::uuid, ${literal(u.name)}, ${literal(u.name.replace(/^Công an /, ""))}, ${literal(u.level)}, ` +
      `${u.parent ? `${literal(u.parent)}::uuid` : "NULL"}, ${literal(u.from)}::date, ${u.to ? `${literal(u.to)}::date` : "NULL"}, ` +
      `${literal(foldForSearch(u.name))})`,
  );
  await sql
    .raw(
      `INSERT INTO units (id, name, short_name, level_code, parent_id, valid_from, valid_to, search_key) VALUES ${values.join(",\n")}`,
    )
    .execute(db);
  // The districts' data went to the province when they ceased.
  await sql
    .raw(
      `INSERT INTO unit_successors (unit_id, successor_id) VALUES ${districtIds
        .map((id) => `(${literal(id)}::uuid, ${literal(provinceId)}::uuid)`)
        .join(",")}`,
    )
    .execute(db);
  // Commune volumes are skewed (the busiest gets ~10× the quietest): commune i gets a share
  // ((i+1)/100)^0.625 − (i/100)^0.625 of theirs, so index 0 is the busiest and index 42, measured as the typical
  // commune, the 43rd busiest (~0.8 % of all opinions, near the mean of 0.85 %).
  const officer = 42;
  return {
    provinceId,
    divisionIds,
    districtIds,
    communeIds,
    officerCommuneId: communeIds[officer]!,
    officerCommuneName: communeNames[officer]!,
    count: rows.length,
  };
}

/** The SQL that inserts opinions number `from`…`to` (1-based) of `total`, created from `start` over SPAN_DAYS. */
export function opinionBatchSql(tree: UnitTree, { from, to, total, start }: { from: number; to: number; total: number; start: Date }) {
  const matters = [RARE_MATTER, ...weightedMatters()];
  const m = matters.map((x) => piece(x.text));
  const openings = OPENINGS.map(piece);
  const places = PLACES.map(piece);
  const times = TIMES.map(piece);
  const closings = CLOSINGS.map(piece);
  const praiseClosings = PRAISE_CLOSINGS.map(piece);
  const middle = piece("Sự việc xảy ra");
  const r = (k: number) => `((hashint8(i * 32 + ${k}) & 2147483647)::float8 / 2147483648)`;
  const pick = (n: number, k: number) => `(1 + floor(${r(k)} * ${n})::int)`;
  const step = (SPAN_DAYS * 86400) / total;
  const alphabet = "ABCDEGHKLMNPQRSTUVXY23456789";
  // A bijection of the row number onto 12 symbols of 28 (multiplier coprime to 28): distinct codes.
  const scrambled = `((i * 100000000003 + 12345678901) % ${28n ** 12n})`;
  const trackingCode = Array.from(
    { length: 12 },
    (_, k) => `substr('${alphabet}', ((${scrambled} / ${28n ** BigInt(k)}) % 28)::int + 1, 1)`,
  ).join(" || ");
  return `
INSERT INTO opinions (tracking_code, unit_id, location_unit_id, channel, kind, status, content, search_text,
  is_anonymous, public_consent, created_at, updated_at, received_at, answered_at, answer_method, closed_at, urgency,
  answer_due_at, content_group, topics, routed_track, routed_to)
WITH g AS (
  SELECT i,
    ${literal(start.toISOString())}::timestamptz + make_interval(secs => ((i - 1) + ${r(0)}) * ${step}) AS created,
    CASE WHEN ${r(1)} < ${1 / RARE_ONE_IN} THEN 1 ELSE 1 + ${pick(matters.length - 1, 2)} END AS m,
    ${r(3)} AS ru, ${r(4)} AS rc, ${r(5)} AS rs, ${r(6)} AS rg, ${r(7)} AS ra,
    ${pick(CHANNELS.length, 8)} AS ch, ${pick(openings.length, 9)} AS op, ${pick(places.length, 10)} AS pl,
    ${pick(times.length, 11)} AS tm, ${pick(closings.length, 12)} AS cl, ${pick(praiseClosings.length, 12)} AS pcl,
    ${r(13)} AS anon, ${r(14)} AS consent, ${r(15)} AS late
  FROM generate_series(${from}, ${to}) AS i
), k AS (
  SELECT g.*,
    (${textArray(matters.map((x) => x.kind))})[m] AS kind,
    (${textArray(CHANNELS)})[ch] AS channel,
    CASE WHEN ru < 0.03 THEN 'province' WHEN ru < 0.05 THEN 'division'
      WHEN ru < 0.15 AND created < '${DISTRICTS_UNTIL}T17:00:00Z' THEN 'district' ELSE 'commune' END AS level
  FROM g
), s AS (
  SELECT k.*,
    CASE level
      WHEN 'province' THEN ${literal(tree.provinceId)}::uuid
      WHEN 'division' THEN (${uuidArray(tree.divisionIds)})[1 + floor(rc * ${tree.divisionIds.length})::int]
      WHEN 'district' THEN (${uuidArray(tree.districtIds)})[1 + floor(rc * ${tree.districtIds.length})::int]
      ELSE (${uuidArray(tree.communeIds)})[1 + floor(${tree.communeIds.length} * power(rc, 1.6))::int]
    END AS unit_id,
    CASE WHEN kind IN ('crime_report','complaint','denunciation','regulation_feedback','emergency') THEN
      CASE WHEN rs < 0.8 THEN 'ROUTED' WHEN rs < 0.9 THEN 'CLASSIFIED' ELSE 'RECEIVED' END
    ELSE CASE WHEN rs < 0.02 THEN 'ANSWERED' WHEN rs < 0.05 THEN 'NOTIFIED' WHEN rs < 0.11 THEN 'CLOSED'
      WHEN rs < 0.16 THEN 'REJECTED' WHEN rs < 0.19 THEN 'TRANSFERRED' WHEN rs < 0.21 THEN 'MERGED'
      WHEN rs < 0.36 THEN 'RECEIVED' WHEN rs < 0.46 THEN 'CLASSIFIED' WHEN rs < 0.61 THEN 'ASSIGNED'
      ELSE 'IN_PROGRESS' END
    END AS status,
    CASE WHEN rg < 0.05 THEN 'urgent' ELSE 'normal' END AS urgency,
    created - CASE WHEN channel IN ('web','qr') THEN interval '0' ELSE make_interval(secs => late * 3 * 86400) END AS received
  FROM k
), d AS (
  SELECT s.*,
    created + CASE
      WHEN kind IN ('crime_report','complaint','denunciation','regulation_feedback','emergency') THEN interval '8 hours'
      WHEN urgency = 'urgent' THEN interval '1 day'
      WHEN kind IN ('question','praise') THEN interval '7 days'
      ELSE interval '14 days' END AS due
  FROM s
), a AS (
  SELECT d.*,
    CASE WHEN status IN ('ANSWERED','NOTIFIED','CLOSED') THEN created + (due - created) * (0.2 + ra * 1.1) END AS answered
  FROM d
)
SELECT
  ${trackingCode},
  unit_id,
  CASE WHEN level = 'commune' THEN unit_id END,
  channel, kind, status,
  concat_ws(' ', (${textArray(openings.map((p) => p.text))})[op], (${textArray(m.map((p) => p.text))})[m],
    ${literal(middle.text)}, (${textArray(places.map((p) => p.text))})[pl], (${textArray(times.map((p) => p.text))})[tm],
    CASE WHEN kind = 'praise' THEN (${textArray(praiseClosings.map((p) => p.text))})[pcl]
      ELSE (${textArray(closings.map((p) => p.text))})[cl] END),
  concat_ws(' ', (${textArray(openings.map((p) => p.folded))})[op], (${textArray(m.map((p) => p.folded))})[m],
    ${literal(middle.folded)}, (${textArray(places.map((p) => p.folded))})[pl], (${textArray(times.map((p) => p.folded))})[tm],
    CASE WHEN kind = 'praise' THEN (${textArray(praiseClosings.map((p) => p.folded))})[pcl]
      ELSE (${textArray(closings.map((p) => p.folded))})[cl] END),
  anon < 0.25,
  anon >= 0.25 AND consent < 0.3,
  created,
  COALESCE(CASE WHEN status = 'CLOSED' THEN answered + interval '2 days' END, answered, created),
  received,
  answered,
  CASE WHEN answered IS NOT NULL THEN CASE WHEN consent < 0.2 THEN 'on_spot' ELSE 'written' END END,
  CASE WHEN status = 'CLOSED' THEN answered + interval '2 days' END,
  urgency,
  due,
  (${textArray(matters.map((x) => x.contentGroup))})[m],
  ((${textArray(matters.map((x) => `{${x.topics.join(",")}}`))})[m])::text[],
  CASE WHEN status = 'ROUTED' THEN kind END,
  CASE WHEN status = 'ROUTED' THEN 'Cơ quan Cảnh sát điều tra Công an tỉnh' END
FROM a`;
}

/** The indexes of `opinions` that no constraint owns, with their definitions (to rebuild them after a bulk load). */
export async function secondaryIndexes(db: Kysely<Database>): Promise<{ name: string; definition: string }[]> {
  const result = await sql<{ name: string; definition: string }>`
    SELECT i.indexname AS name, i.indexdef AS definition
    FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = 'opinions'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(db);
  return result.rows;
}
