import { KNOWN_CHANNELS } from "./channels";
import { OPINION_KINDS, OPINION_STATUSES, type InboxFilter, type OpinionKind, type OpinionStatus } from "./api";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TOPIC = /^[a-z][a-z0-9_]{0,39}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The inbox filter kept in the address (`?status=…&q=…`), so that a filtered view can be shared and reloaded. */
export function parseInboxFilter(params: URLSearchParams): InboxFilter {
  const filter: InboxFilter = {};
  const status = oneOf<OpinionStatus>(OPINION_STATUSES, params.get("status"));
  if (status) filter.status = status;
  const kind = oneOf<OpinionKind>(OPINION_KINDS, params.get("kind"));
  if (kind) filter.kind = kind;
  const channel = oneOf(KNOWN_CHANNELS, params.get("channel"));
  if (channel) filter.channel = channel;
  const topic = params.get("topic");
  if (topic && TOPIC.test(topic)) filter.topic = topic;
  if (params.get("overdue") === "true") filter.overdue = true;
  if (params.get("assignedToMe") === "true") filter.assignedToMe = true;
  if (params.get("escalated") === "true") filter.escalated = true;
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 200);
  for (const key of ["from", "to"] as const) {
    const day = params.get(key);
    if (day && DAY.test(day)) filter[key] = day;
  }
  return filter;
}

/** The address parameters of a filter (empty values left out). */
export function inboxFilterParams(filter: InboxFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "" && value !== false) params[key] = String(value);
  }
  return params;
}
