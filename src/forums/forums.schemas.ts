import { z } from "zod";
import { Instant, Year, refineDayRange } from "../http/schemas.ts";
import { ContactInput, IsoDate, MAX_CONTENT_LENGTH, OptionalText, Text, TopicCode, Topics } from "../opinions/opinions.schemas.ts";
import { OPINION_KINDS, WORKFLOW_KINDS } from "../opinions/opinions.workflow.ts";
import { FORUM_ACTIONS, FORUM_MARKS, FORUM_STATUSES, MODERATION_ACTIONS } from "./forums.workflow.ts";

/* The forums' request and response shapes (console and public). */

const KeyFigure = z.object({ label: Text(200), value: Text(100) });

/** POST /api/forums: a forum planned by a unit of the user's subtree. */
export const CreateForumBody = z.object({
  unitId: z.uuid(),
  title: Text(300),
  coOrganisers: OptionalText(1000),
  startsAt: Instant,
  plannedEndAt: Instant.optional(),
  /** The commune (ward) where it is held: a unit of the tree. */
  locationUnitId: z.uuid().optional(),
  /** The hamlet or residential group (thôn, tổ dân phố), if it is held hamlet by hamlet. */
  hamlet: OptionalText(200),
  place: Text(300),
  chairName: Text(200),
  secretaryName: Text(200),
  invitedGroups: OptionalText(1000),
  expectedAttendance: z.number().int().min(0).max(100_000).optional(),
  /** The unit's report on security and order (read out at the forum). */
  reportText: z.string().max(20_000).optional(),
  keyFigures: z.array(KeyFigure).max(20).default([]),
});
export type CreateForumBody = z.infer<typeof CreateForumBody>;

/** PUT /api/forums/{id}: the same fields, plus the attendance counted on the day. */
export const UpdateForumBody = CreateForumBody.omit({ unitId: true }).extend({
  attendance: z.number().int().min(0).max(100_000).optional(),
});
export type UpdateForumBody = z.infer<typeof UpdateForumBody>;

export const ForumIdParams = z.object({ id: z.uuid() });
export const ForumItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

/** GET /api/forums: the plan of a year (Vietnam's calendar year), for a unit's subtree. */
export const ForumListQuery = z.object({
  year: Year.optional(),
  unitId: z.uuid().optional(),
});

/** GET /api/forums/coverage and /stats: a period of Vietnam's days. */
export const PeriodQuery = z.object({ from: IsoDate, to: IsoDate, unitId: z.uuid().optional() }).superRefine(refineDayRange);
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const ForumStatusBody = z.object({ action: z.enum(FORUM_ACTIONS) });

const ForumFields = {
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  coOrganisers: z.string(),
  startsAt: z.string(),
  plannedEndAt: z.string().nullable(),
  locationUnitId: z.uuid().nullable(),
  locationName: z.string().nullable(),
  hamlet: z.string().nullable(),
  place: z.string(),
  chairName: z.string(),
  secretaryName: z.string(),
  invitedGroups: z.string(),
  expectedAttendance: z.number().nullable(),
  attendance: z.number().nullable(),
  reportText: z.string(),
  keyFigures: z.array(z.object({ label: z.string(), value: z.string() })),
  status: z.enum(FORUM_STATUSES),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** The file of the unit's report, if one was attached (downloaded from /api/public/forums/{id}/report-file). */
  reportFile: z.object({ name: z.string(), size: z.number() }).nullable(),
};

/** A forum as the console sees it. */
export const ForumResponse = z.object({
  ...ForumFields,
  publicUrl: z.string(),
  opinionCount: z.number(),
  canRun: z.boolean(),
  canFinaliseMinutes: z.boolean(),
});
export type ForumResponse = z.infer<typeof ForumResponse>;

export const ForumListResponse = z.object({ items: z.array(ForumResponse.omit({ reportText: true, keyFigures: true })) });

/** A forum as the public page shows it: no account ids, the names the forum announces. */
export const PublicForumResponse = z.object(ForumFields).omit({ attendance: true, expectedAttendance: true });
export type PublicForumResponse = z.infer<typeof PublicForumResponse>;

/** GET /api/forums/coverage: which communes (and hamlets) had a forum in the period. */
export const CoverageResponse = z.object({
  items: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      forumCount: z.number(),
      hamlets: z.array(z.string()),
      lastHeldAt: z.string().nullable(),
    }),
  ),
  coveredCount: z.number(),
  totalCount: z.number(),
});
export type CoverageResponse = z.infer<typeof CoverageResponse>;

/** GET /api/forums/stats: the figures a unit is judged by (DOMAIN.md §5). */
export const ForumStatsResponse = z.object({
  forumsHeld: z.number(),
  attendees: z.number(),
  opinions: z.number(),
  opinionsPerForum: z.number().nullable(),
  answeredOnSpot: z.number(),
  answeredOnSpotShare: z.number().nullable(),
  written: z.number(),
  writtenAnswered: z.number(),
  writtenAnsweredOnTime: z.number(),
  writtenOnTimeShare: z.number().nullable(),
  /** The opinions per topic code, most first (an opinion with several topics counts under each). */
  opinionsByTopic: z.array(z.object({ topic: z.string(), count: z.number() })),
  /** The opinions with no topic: counted, not hidden. */
  unclassified: z.number(),
});
export type ForumStatsResponse = z.infer<typeof ForumStatsResponse>;

/** POST /api/public/forums/{id}/opinions: a citizen in the room (or before it) sends an opinion. */
export const SendForumOpinionBody = z.object({
  content: Text(MAX_CONTENT_LENGTH),
  kind: z.enum(WORKFLOW_KINDS).default("recommendation"),
  anonymous: z.boolean().optional(),
  contact: ContactInput.optional(),
  publicConsent: z.boolean().default(false),
  /** One topic of the configured list, picked with one tap (optional). */
  topic: TopicCode.optional(),
  /** The honeypot of the citizen form (see CreateOpinionBody). */
  website: z.string().max(500).optional(),
});
export type SendForumOpinionBody = z.infer<typeof SendForumOpinionBody>;

/** POST /api/forums/{id}/entries: the secretary records a spoken opinion (sent again offline, stored once). */
export const SecretaryEntryBody = z.object({
  content: Text(MAX_CONTENT_LENGTH),
  kind: z.enum(OPINION_KINDS).default("recommendation"),
  /** Who spoke, as announced ("Ông N., thôn 3"); empty for an anonymous speaker. */
  speaker: OptionalText(200),
  topics: Topics,
  receivedAt: Instant.optional(),
  clientKey: z.uuid(),
});
export type SecretaryEntryBody = z.infer<typeof SecretaryEntryBody>;

export const ForumReceiptResponse = z.object({ itemId: z.uuid(), trackingCode: z.string() });

/** POST /api/forums/{id}/items/{itemId}/moderation */
export const ModerationBody = z.object({ action: z.enum(MODERATION_ACTIONS) });

/** PUT /api/forums/{id}/items/{itemId}/topics: the chair sets or changes the opinion's topics. */
export const ForumItemTopicsBody = z.object({ topics: Topics });
export type ForumItemTopicsBody = z.infer<typeof ForumItemTopicsBody>;

/** POST /api/forums/{id}/items/{itemId}/mark */
export const MarkBody = z.discriminatedUnion("mark", [
  z.object({ mark: z.literal("on_spot"), note: Text(MAX_CONTENT_LENGTH) }),
  z.object({ mark: z.literal("written"), note: OptionalText(1000) }),
  z.object({ mark: z.literal("transferred"), to: Text(200), note: Text(1000) }),
  z.object({ mark: z.literal("out_of_scope"), note: Text(1000) }),
]);
export type MarkBody = z.infer<typeof MarkBody>;

const PublicItem = z.object({
  id: z.uuid(),
  text: z.string(),
  kind: z.enum(OPINION_KINDS),
  supportCount: z.number(),
  mark: z.enum(FORUM_MARKS).nullable(),
  /** The answer given on the spot, personal data removed. */
  spotAnswer: z.string().nullable(),
  /** The written answer, once approved, personal data removed. */
  writtenAnswer: z.string().nullable(),
  createdAt: z.string(),
});
export type PublicItem = z.infer<typeof PublicItem>;

export const PublicItemsResponse = z.object({ items: z.array(PublicItem) });

/** One item on the chair's moderation screen. */
export const ModerationItem = PublicItem.extend({
  trackingCode: z.string(),
  source: z.enum(["secretary", "citizen"]),
  speaker: z.string().nullable(),
  /** What was written, for the chair alone (the screens show `text`, personal data removed). */
  originalText: z.string(),
  moderation: z.enum(["pending", "shown", "hidden"]),
  markNote: z.string().nullable(),
  isCurrent: z.boolean(),
  opinionStatus: z.string(),
  topics: z.array(z.string()),
});
export type ModerationItem = z.infer<typeof ModerationItem>;
export const ModerationItemsResponse = z.object({ items: z.array(ModerationItem) });

export const SupportResponse = z.object({ supportCount: z.number(), supported: z.boolean() });

/** PUT /api/forums/{id}/minutes: what the secretary writes; the opinions come from the forum itself. */
export const MinutesBody = z.object({
  attendees: z.string().max(5000).transform((v) => v.normalize("NFC").trim()),
  proceedings: z.string().max(20_000).transform((v) => v.normalize("NFC").trim()),
  closingNote: z.string().max(5000).transform((v) => v.normalize("NFC").trim()).default(""),
  endedAt: Instant.optional(),
});
export type MinutesBody = z.infer<typeof MinutesBody>;

export const MinutesResponse = z.object({
  forumId: z.uuid(),
  attendees: z.string(),
  proceedings: z.string(),
  closingNote: z.string(),
  endedAt: z.string().nullable(),
  status: z.enum(["draft", "final"]),
  contentHash: z.string().nullable(),
  finalisedAt: z.string().nullable(),
});
export type MinutesResponse = z.infer<typeof MinutesResponse>;

/** A satisfaction campaign as a forum's console shows it. */
const ForumCampaignItem = z.object({
  id: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  isOpen: z.boolean(),
  /** The organising unit's survey (`/s/:campaignId/:unitId`), when the campaign evaluates it. */
  surveyPath: z.string().nullable(),
  /** The organising unit's satisfaction over the campaign's period; `rate` (and its interval) null below `minN`. */
  satisfaction: z
    .object({ n: z.number(), responses: z.number(), rate: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), minN: z.number() })
    .nullable(),
});

/** GET /api/forums/:id/campaigns: the linked campaigns, and what a leader of the organising unit may link. */
export const ForumCampaignsResponse = z.object({
  items: z.array(ForumCampaignItem),
  canLink: z.boolean(),
  linkable: z.array(ForumCampaignItem.omit({ surveyPath: true, isOpen: true, satisfaction: true })),
});
export type ForumCampaignsResponse = z.infer<typeof ForumCampaignsResponse>;

/** POST /api/forums/:id/campaigns: link this campaign, or (without it) create the forum's campaign in one step. */
export const LinkForumCampaignBody = z.object({ campaignId: z.uuid().optional() }).strict();

/** The public page's call to action: the organising unit's survey while a linked campaign takes responses. */
export const PublicForumPageResponse = PublicForumResponse.extend({
  satisfactionSurvey: z.object({ title: z.string(), path: z.string(), endsOn: z.string() }).nullable(),
});
export type PublicForumPageResponse = z.infer<typeof PublicForumPageResponse>;
