import type { Actor } from "../auth/actor.ts";
import { now as clockNow } from "../calendar/clock.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { AppError, badRequest, notFound } from "../http/errors.ts";
import { translate } from "../http/messages.ts";
import { submitOpinion } from "../opinions/opinions.intake.service.ts";
import { findPublicRequests, listPublicRequests, listTopicNames, type PublicRequest } from "../opinions/opinions.requests.service.ts";
import { formatTrackingCode } from "../opinions/opinions.tracking-code.ts";
import { CITIZEN_CHANNELS, isOpenStatus, OPEN_STATUSES, type OpinionStatus } from "../opinions/opinions.workflow.ts";
import { MAX_REQUEST_IDS, type CreateRequestBody, type RequestsQuery } from "./open311.schemas.ts";

/** Open311's two states. */
export type Open311Status = "open" | "closed";

/**
 * Our states as Open311's, the one mapping both ways: open while the unit still owes an answer (the workflow's
 * OPEN_STATUSES), closed in every other state (answered, notified, closed, rejected, transferred, routed, merged).
 */
export function open311StatusOf(status: OpinionStatus): Open311Status {
  return isOpenStatus(status) ? "open" : "closed";
}

/** The states an Open311 status filter stands for (none: every state). */
function statusFilter(statuses: Open311Status[]): { in: readonly OpinionStatus[] } | { notIn: readonly OpinionStatus[] } | undefined {
  if (statuses.length !== 1) return undefined;
  return statuses[0] === "open" ? { in: OPEN_STATUSES } : { notIn: OPEN_STATUSES };
}

/** The default search span and the longest one (the specification's 90 days). */
const SPAN_MS = 90 * 24 * 3600 * 1000;
/** Most requests one list returns (the specification's default of 1000). */
const MAX_RESULTS = 1000;
/** The channel of a request: the citizen's own submission from a site or an app, as the web form's. */
const CHANNEL = CITIZEN_CHANNELS[0];

/** The topics as services, names in `lang`. */
export async function listServices({ db, lang }: { db: Executor; lang: "vi" | "en" }) {
  const topics = await listTopicNames({ db });
  const other = lang === "vi" ? "en" : "vi";
  return topics.map((topic) => ({
    code: topic.code,
    name: topic.name[lang],
    // The other language's name: what a search in either language finds.
    keywords: topic.name[other],
    group: translate("open311.service_group", lang),
  }));
}

async function requireService(db: Executor, code: string): Promise<void> {
  const topics = await listTopicNames({ db });
  if (!topics.some((t) => t.code === code)) throw badRequest("open311.service_code_unknown", "service_code");
}

/** A request as Open311 reads it: its state mapped, its service's name in `lang`. */
export interface Open311Request extends Omit<PublicRequest, "status"> {
  status: Open311Status;
  serviceName: string | null;
}

async function withServiceNames(db: Executor, requests: PublicRequest[], lang: "vi" | "en"): Promise<Open311Request[]> {
  const names = new Map((await listTopicNames({ db })).map((t) => [t.code, t.name[lang]]));
  return requests.map((r) => ({ ...r, status: open311StatusOf(r.status), serviceName: r.topic ? (names.get(r.topic) ?? null) : null }));
}

/**
 * GET requests: by ids (every other filter ignored), or those received in a span of at most 90 days
 * (default: the last 90), filtered by service, state and unit subtree, newest first, at most 1000.
 */
export async function listRequests({
  db,
  query,
  lang,
  now = clockNow(),
}: {
  db: Executor;
  query: RequestsQuery;
  lang: "vi" | "en";
  now?: Date;
}): Promise<Open311Request[]> {
  if (query.service_request_id !== undefined) {
    const ids = query.service_request_id.split(",").filter((id) => id.trim() !== "");
    if (ids.length > MAX_REQUEST_IDS) throw new AppError(400, "open311.too_many_ids", { field: "service_request_id", params: { max: MAX_REQUEST_IDS } });
    return withServiceNames(db, await findPublicRequests({ db, ids }), lang);
  }
  if (query.service_code) await requireService(db, query.service_code);
  const start = query.start_date ? new Date(query.start_date) : undefined;
  const end = query.end_date ? new Date(query.end_date) : start ? new Date(start.getTime() + SPAN_MS) : now;
  const from = start ?? new Date(end.getTime() - SPAN_MS);
  if (end.getTime() <= from.getTime()) throw badRequest("open311.date_range_invalid", "end_date");
  if (end.getTime() - from.getTime() > SPAN_MS) {
    throw new AppError(400, "open311.date_range_too_long", { field: "end_date", params: { days: SPAN_MS / 86_400_000 } });
  }
  const requests = await listPublicRequests({
    db,
    from,
    to: end,
    statuses: statusFilter((query.status?.split(",") ?? []) as Open311Status[]),
    topic: query.service_code,
    unitId: query.jurisdiction_id,
    limit: MAX_RESULTS,
  });
  return withServiceNames(db, requests, lang);
}

/** GET requests/{id}: the request with this id (404 when there is none). */
export async function getRequest({ db, id, lang }: { db: Executor; id: string; lang: "vi" | "en" }): Promise<Open311Request> {
  const [request] = await findPublicRequests({ db, ids: [id] });
  if (!request) throw notFound("opinion.not_found", "service_request_id");
  return (await withServiceNames(db, [request], lang))[0]!;
}

/**
 * POST requests: an opinion to the unit `jurisdiction_id` through the citizen form's own intake (channel `web`,
 * kind reflection, the service as its topic; routing rules apply). The location, when given, is added to the
 * text for the unit to read; contact details are stored encrypted as the form's are.
 */
export async function createRequest({
  db,
  keys,
  actor,
  body,
  ip,
  lang,
}: {
  db: Executor;
  keys: Keys;
  actor: Actor;
  body: CreateRequestBody;
  ip: string | null;
  lang: "vi" | "en";
}) {
  await requireService(db, body.service_code);
  const coordinates = body.lat !== undefined && body.long !== undefined ? `${body.lat}, ${body.long}` : undefined;
  const place = [body.address_string, coordinates].filter(Boolean).join(" — ");
  const name = [body.first_name, body.last_name].filter(Boolean).join(" ") || undefined;
  const contact = { name, phone: body.phone, email: body.email };
  const receipt = await submitOpinion({
    db,
    keys,
    actor,
    ip,
    input: {
      unitId: body.jurisdiction_id,
      content: place ? `${body.description}\n\n${translate("open311.location", "vi", { place })}` : body.description,
      kind: "reflection",
      channel: CHANNEL,
      contact: name || body.phone || body.email ? contact : undefined,
      publicConsent: body.public_consent ?? false,
      topics: [body.service_code],
      targetOfficer: undefined,
      aboutUnitConduct: false,
    },
  });
  // The id names the request for everyone; the tracking code, which rates and reopens it, goes to the sender only.
  const code = formatTrackingCode(receipt.trackingCode);
  return { id: receipt.opinionId, notice: translate("open311.service_notice", lang, { code }) };
}
