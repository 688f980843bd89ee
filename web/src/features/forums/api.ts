import { ApiError, apiGet, apiPost, apiRequest } from "../../app/api-client";
import { currentLanguage, i18n } from "../../i18n";
import type { OpinionKind } from "../opinions/api";

/** Where a forum stands. */
export type ForumStatus = "planned" | "live" | "ended" | "cancelled";
/** The chair's mark on an opinion. */
export type ForumMark = "on_spot" | "written" | "transferred" | "out_of_scope";

/** A forum "Công an lắng nghe ý kiến Nhân dân" as its public page shows it. */
export interface PublicForum {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  coOrganisers: string;
  startsAt: string;
  plannedEndAt: string | null;
  locationUnitId: string | null;
  locationName: string | null;
  hamlet: string | null;
  place: string;
  chairName: string;
  secretaryName: string;
  invitedGroups: string;
  reportText: string;
  keyFigures: { label: string; value: string }[];
  status: ForumStatus;
  startedAt: string | null;
  endedAt: string | null;
  reportFile: { name: string; size: number } | null;
}

/** A forum's public page: the forum and, while a linked campaign takes responses, the organising unit's survey. */
export interface PublicForumPage extends PublicForum {
  satisfactionSurvey: { title: string; path: string; endsOn: string } | null;
}

/** A satisfaction campaign linked to a forum. */
export interface ForumCampaign {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  isOpen: boolean;
  surveyPath: string | null;
  /** The organising unit's satisfaction over the campaign's period; `rate` null below `minN`. */
  satisfaction: { n: number; responses: number; rate: number | null; low: number | null; high: number | null; minN: number } | null;
}

/** A forum's linked campaigns, and what a leader of the organising unit may link. */
export interface ForumCampaigns {
  items: ForumCampaign[];
  canLink: boolean;
  linkable: Omit<ForumCampaign, "isOpen" | "surveyPath" | "satisfaction">[];
}

/** A forum as the console sees it. */
export interface Forum extends PublicForum {
  expectedAttendance: number | null;
  attendance: number | null;
  publicUrl: string;
  opinionCount: number;
  canRun: boolean;
  canFinaliseMinutes: boolean;
}

/** The body of `POST /api/forums`. */
export interface ForumInput {
  unitId: string;
  title: string;
  coOrganisers?: string;
  startsAt: string;
  locationUnitId?: string;
  hamlet?: string;
  place: string;
  chairName: string;
  secretaryName: string;
  invitedGroups?: string;
  expectedAttendance?: number;
  reportText?: string;
  keyFigures: { label: string; value: string }[];
}

/** An opinion on the forum's public page. */
export interface PublicItem {
  id: string;
  text: string;
  kind: OpinionKind;
  supportCount: number;
  mark: ForumMark | null;
  spotAnswer: string | null;
  writtenAnswer: string | null;
  createdAt: string;
}

/** An opinion on the chair's moderation screen. */
export interface ModerationItem extends PublicItem {
  trackingCode: string;
  source: "secretary" | "citizen";
  speaker: string | null;
  originalText: string;
  moderation: "pending" | "shown" | "hidden";
  markNote: string | null;
  isCurrent: boolean;
  opinionStatus: string;
  /** The opinion's topic codes. */
  topics: string[];
}

/** What the projector and the phones receive live. */
export interface ProjectorState {
  forumId: string;
  title: string;
  status: ForumStatus;
  current: { id: string; text: string; kind: string; supportCount: number } | null;
  queue: { id: string; text: string; kind: string; supportCount: number }[];
  /** The newest opinions the chair showed. */
  latest: { id: string; text: string; kind: string; supportCount: number }[];
  shownCount: number;
  onSpotCount: number;
  markedCount: number;
}

/** What the chair receives live. */
export interface ModerationState {
  forumId: string;
  status: ForumStatus;
  items: ModerationItem[];
}

/** Coverage of the communes in a period. */
export interface Coverage {
  items: { unitId: string; unitName: string; forumCount: number; hamlets: string[]; lastHeldAt: string | null }[];
  coveredCount: number;
  totalCount: number;
}

/** The forums' figures in a period. */
export interface ForumStats {
  forumsHeld: number;
  attendees: number;
  opinions: number;
  opinionsPerForum: number | null;
  answeredOnSpot: number;
  answeredOnSpotShare: number | null;
  written: number;
  writtenAnswered: number;
  writtenAnsweredOnTime: number;
  writtenOnTimeShare: number | null;
  /** Opinions per topic code, most first (an opinion counts under each of its topics). */
  opinionsByTopic: { topic: string; count: number }[];
  /** Opinions with no topic. */
  unclassified: number;
}

/** The minutes (biên bản). */
export interface Minutes {
  forumId: string;
  attendees: string;
  proceedings: string;
  closingNote: string;
  endedAt: string | null;
  status: "draft" | "final";
  contentHash: string | null;
  finalisedAt: string | null;
}

export const forumKeys = {
  all: ["forums"] as const,
  plan: (year: number) => ["forums", "plan", year] as const,
  forum: (id: string) => ["forums", id] as const,
  items: (id: string) => ["forums", id, "items"] as const,
  minutes: (id: string) => ["forums", id, "minutes"] as const,
  campaigns: (id: string) => ["forums", id, "campaigns"] as const,
  coverage: (from: string, to: string) => ["forums", "coverage", from, to] as const,
  stats: (from: string, to: string) => ["forums", "stats", from, to] as const,
  public: (id: string) => ["public-forum", id] as const,
  publicItems: (id: string) => ["public-forum", id, "items"] as const,
};

const enc = encodeURIComponent;

export const fetchForumPlan = (year: number, signal?: AbortSignal) => apiGet<{ items: Forum[] }>(`/api/forums?year=${year}`, signal);
export const fetchForum = (id: string, signal?: AbortSignal) => apiGet<Forum>(`/api/forums/${enc(id)}`, signal);
export const createForum = (input: ForumInput) => apiPost<Forum>("/api/forums", input);
export const moveForum = (id: string, action: "start" | "end" | "cancel") =>
  apiPost<{ status: ForumStatus }>(`/api/forums/${enc(id)}/status`, { action });
export const fetchCoverage = (from: string, to: string, signal?: AbortSignal) =>
  apiGet<Coverage>(`/api/forums/coverage?from=${from}&to=${to}`, signal);
export const fetchStats = (from: string, to: string, signal?: AbortSignal) =>
  apiGet<ForumStats>(`/api/forums/stats?from=${from}&to=${to}`, signal);
export const fetchModerationItems = (id: string, signal?: AbortSignal) =>
  apiGet<{ items: ModerationItem[] }>(`/api/forums/${enc(id)}/items`, signal);
export const moderateItem = (id: string, itemId: string, action: "show" | "hide" | "present") =>
  apiPost<{ moderation: string }>(`/api/forums/${enc(id)}/items/${enc(itemId)}/moderation`, { action });
export const markItem = (id: string, itemId: string, body: { mark: ForumMark; note?: string; to?: string }) =>
  apiPost<{ mark: ForumMark }>(`/api/forums/${enc(id)}/items/${enc(itemId)}/mark`, body);
/** The chair sets or changes an opinion's topics. */
export const setItemTopics = (id: string, itemId: string, topics: string[]) =>
  apiRequest<{ topics: string[] }>(`/api/forums/${enc(id)}/items/${enc(itemId)}/topics`, { method: "PUT", body: { topics } });
export const fetchMinutes = (id: string, signal?: AbortSignal) => apiGet<Minutes>(`/api/forums/${enc(id)}/minutes`, signal);
export const saveMinutes = (id: string, body: { attendees: string; proceedings: string; closingNote: string }) =>
  apiRequest<Minutes>(`/api/forums/${enc(id)}/minutes`, { method: "PUT", body });
export const finaliseMinutes = (id: string) => apiPost<Minutes>(`/api/forums/${enc(id)}/minutes/finalise`);

/** The secretary's entry of a spoken opinion; the same client key stores it once. */
export const sendSecretaryEntry = (
  id: string,
  body: { content: string; kind: OpinionKind; speaker?: string; topics: string[]; receivedAt: string; clientKey: string },
) => apiPost<{ itemId: string; trackingCode: string }>(`/api/forums/${enc(id)}/entries`, body);

export const fetchForumCampaigns = (id: string, signal?: AbortSignal) =>
  apiGet<ForumCampaigns>(`/api/forums/${enc(id)}/campaigns`, signal);
/** Links an existing campaign of the organising unit, or (without one) creates the forum's campaign. */
export const linkForumCampaign = (id: string, campaignId?: string) =>
  apiPost<ForumCampaigns>(`/api/forums/${enc(id)}/campaigns`, campaignId ? { campaignId } : {});

export const fetchPublicForum = (id: string, signal?: AbortSignal) => apiGet<PublicForumPage>(`/api/public/forums/${enc(id)}`, signal);
export const fetchPublicItems = (id: string, signal?: AbortSignal) =>
  apiGet<{ items: PublicItem[] }>(`/api/public/forums/${enc(id)}/items`, signal);
export const sendForumOpinion = (
  id: string,
  body: { content: string; kind: OpinionKind; anonymous: boolean; contact?: { name?: string; phone?: string }; topic?: string },
) =>
  apiPost<{ itemId: string; trackingCode: string }>(`/api/public/forums/${enc(id)}/opinions`, body);
export const supportItem = (id: string, itemId: string) =>
  apiPost<{ supportCount: number; supported: boolean }>(`/api/public/forums/${enc(id)}/items/${enc(itemId)}/support`);

/** The live stream's address: the public view, or the chair's (with the session). */
export function liveUrl(id: string, view: "public" | "moderation"): string {
  return view === "public" ? `/api/public/forums/${enc(id)}/live` : `/api/forums/${enc(id)}/live`;
}

/** Uploads the unit's report file for a forum (raw bytes, like the import). */
export async function uploadReportFile(id: string, file: File): Promise<{ name: string; size: number }> {
  let response: Response;
  try {
    response = await fetch(`/api/forums/${enc(id)}/report-file?fileName=${enc(file.name)}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", accept: "application/json", "accept-language": currentLanguage() },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError({ status: 0, code: "network.unreachable", message: i18n.t("errors.network") });
  }
  const payload = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | { name: string; size: number } | undefined;
  if (!response.ok) {
    const error = payload && "error" in payload ? payload.error : undefined;
    throw new ApiError({ status: response.status, code: error?.code ?? `http.${response.status}`, message: error?.message ?? i18n.t("errors.unexpected", { status: response.status }) });
  }
  return payload as { name: string; size: number };
}
