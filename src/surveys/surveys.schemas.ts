import { z } from "zod";
import { Day, Text } from "../http/schemas.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { RESPONDENT_ATTRIBUTES, SURVEY_CHANNELS, SURVEY_FAMILIES } from "./surveys.templates.ts";

const QuestionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

// Response schemas must not transform (the serialiser encodes with them), so questions come in two forms.
const questionSchema = (Bilingual: z.ZodType<{ vi: string; en: string }>) => {
  return z.discriminatedUnion("type", [
    z.object({ id: QuestionId, type: z.literal("likert"), element: z.string().max(40).nullable(), text: Bilingual }),
    z.object({ id: QuestionId, type: z.literal("yes_no"), text: Bilingual }),
    z.object({
      id: QuestionId,
      type: z.literal("choice"),
      text: Bilingual,
      options: z.array(z.object({ code: QuestionId, text: Bilingual })).min(2).max(20),
    }),
    z.object({ id: QuestionId, type: z.literal("number"), text: Bilingual, min: z.number(), max: z.number() }),
    z.object({ id: QuestionId, type: z.literal("text"), text: Bilingual, maxLength: z.number().int().min(1).max(2000) }),
  ]);
};

/** A leader's text in both languages: the English may be left out or blank, and is then the Vietnamese. */
const BilingualInput = z.object({ vi: Text(500), en: z.string().max(500).transform(normalizeText).optional() }).transform(({ vi, en }) => ({ vi, en: en || vi }));

/**
 * A custom question as a leader writes it (text stored NFC; a missing English text is the Vietnamese), with
 * distinct option codes and a number range whose minimum is not above its maximum.
 */
export const QuestionInput = questionSchema(BilingualInput).superRefine((q, ctx) => {
  if (q.type === "choice" && new Set(q.options.map((o) => o.code)).size !== q.options.length) {
    ctx.addIssue({ code: "custom", message: "option codes repeat", path: ["options"] });
  }
  if (q.type === "number" && q.min > q.max) ctx.addIssue({ code: "custom", message: "min > max", path: ["max"] });
});
/** A question as the API shows it. */
export const QuestionSchema = questionSchema(z.object({ vi: z.string(), en: z.string() }));

const ElementSchema = z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }) });

/** GET /api/surveys/templates */
/** GET /api/surveys/fields-of-work: the fields a campaign can tag its evaluated units with. */
export const FieldsOfWorkResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }) })) });

export const TemplateListResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      version: z.number(),
      name: z.object({ vi: z.string(), en: z.string() }),
      elements: z.array(ElementSchema),
      questions: z.array(QuestionSchema),
    }),
  ),
});

const RespondentAttributes = z.array(z.enum(Object.keys(RESPONDENT_ATTRIBUTES) as [keyof typeof RESPONDENT_ATTRIBUTES])).max(4);
const Channels = z.array(z.enum(SURVEY_CHANNELS)).min(1).max(SURVEY_CHANNELS.length);

/** POST /api/surveys/campaigns */
export const CreateCampaignBody = z.object({
  title: Text(300),
  family: z.enum(SURVEY_FAMILIES),
  templateCode: z.string().max(40),
  customQuestions: z.array(QuestionInput).max(30).optional(),
  attributes: RespondentAttributes.optional(),
  channels: Channels,
  startsOn: Day,
  endsOn: Day,
  units: z
    .array(z.object({ unitId: z.uuid(), quota: z.number().int().positive().nullable().optional(), fieldCode: z.string().max(40).nullable().optional() }))
    .min(1)
    .max(5000),
  // No forumId here: a campaign is linked to a forum through POST /api/forums/{id}/campaigns, which checks the
  // forum, its organising unit and its day.
});

/**
 * PATCH /api/surveys/campaigns/:campaignId: the fields to change, at least one; the family and the template
 * never change (an unknown field is refused). `units` is the whole list wanted; for a unit already evaluated an
 * absent quota or field of work keeps its value, null clears it.
 */
export const UpdateCampaignBody = z
  .strictObject({
    title: Text(300).optional(),
    startsOn: Day.optional(),
    endsOn: Day.optional(),
    channels: Channels.optional(),
    customQuestions: z.array(QuestionInput).max(30).optional(),
    attributes: RespondentAttributes.optional(),
    units: z
      .array(z.strictObject({ unitId: z.uuid(), quota: z.number().int().positive().max(1_000_000).nullable().optional(), fieldCode: z.string().max(40).nullable().optional() }))
      .min(1)
      .max(5000)
      .optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), { message: "empty edit" });

const CampaignUnit = z.object({
  unitId: z.string(),
  name: z.string(),
  quota: z.number().nullable(),
  fieldCode: z.string().nullable(),
  surveyPath: z.string(),
  surveyUrl: z.string(),
  /** Whether the user may print the unit's QR code, poster and paper form (the unit is in the user's subtree). */
  canPrint: z.boolean(),
  /** Whether the user may issue the unit's codes and enter its paper forms (a leader or officer of its subtree). */
  canEnter: z.boolean(),
});

/** One campaign as the console shows it. */
export const CampaignResponse = z.object({
  id: z.string(),
  evaluatingUnitId: z.string(),
  title: z.string(),
  family: z.enum(SURVEY_FAMILIES),
  templateCode: z.string(),
  templateVersion: z.number(),
  elements: z.array(ElementSchema),
  questions: z.array(QuestionSchema),
  attributes: z.array(z.string()),
  channels: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  /** The forum whose satisfaction campaign this is, if any. */
  forumId: z.string().nullable(),
  isOpen: z.boolean(),
  publishedAt: z.string().nullable(),
  units: z.array(CampaignUnit),
  /** The questions added to the template's, which an edit may change before the first response. */
  customQuestionIds: z.array(z.string()),
  /** Whether responses are stored: then only the name, end date, quotas, added units and channels change. */
  hasResponses: z.boolean(),
  /** The last day a stored response was answered (yyyy-mm-dd): the earliest end date an edit may set. */
  lastAnsweredOn: z.string().nullable(),
});

/** GET /api/surveys/campaigns */
export const CampaignListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      family: z.enum(SURVEY_FAMILIES),
      startsOn: z.string(),
      endsOn: z.string(),
      isOpen: z.boolean(),
      publishedAt: z.string().nullable(),
    }),
  ),
});

export const CampaignParams = z.object({ campaignId: z.uuid() });
export const CampaignUnitParams = z.object({ campaignId: z.uuid(), unitId: z.uuid() });
export const ResponseParams = z.object({ responseId: z.uuid() });

/** POST /api/surveys/campaigns/:campaignId/units/:unitId/codes */
export const IssueCodesBody = z.object({ count: z.number().int().min(1).max(1000) });
export const IssueCodesResponse = z.object({ codes: z.array(z.string()) });

/** GET /api/public/surveys/:campaignId/units/:unitId: the form. */
export const PublicSurveyResponse = z.object({
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  family: z.enum(SURVEY_FAMILIES),
  isOpen: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string(),
  requiresCode: z.boolean(),
  likertLabels: z.array(z.object({ vi: z.string(), en: z.string() })),
  questions: z.array(QuestionSchema),
  attributes: z.array(z.object({ name: z.string(), options: z.array(z.string()) })),
});

const AnswerValue = z.union([z.number(), z.boolean(), z.string().max(4000), z.null()]);

/** POST /api/public/surveys/:campaignId/units/:unitId/responses */
export const SubmitResponseBody = z.object({
  clientKey: z.uuid(),
  answers: z.record(z.string().max(40), AnswerValue).refine((a) => Object.keys(a).length <= 100, "too many answers"),
  attributes: z.record(z.string().max(40), z.string().max(40).nullable()).optional(),
  hasConsent: z.boolean().optional(),
  code: z.string().max(20).optional(),
  channel: z.enum(["qr", "online", "desk", "forum"]).optional(),
});
export const SubmitResponseResult = z.object({ status: z.enum(["recorded", "duplicate"]) });

/** POST /api/surveys/responses/:responseId/decision */
export const DecisionBody = z.object({ decision: z.enum(["exclude", "include"]), reason: Text(1000) });
export const DecisionResponse = z.object({ id: z.string(), isExcluded: z.boolean() });

/** GET /api/surveys/campaigns/:campaignId/flags */
export const FlaggedListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      channel: z.string(),
      submittedAt: z.string(),
      answers: z.record(z.string(), z.unknown()),
      flags: z.array(z.string()),
      isExcluded: z.boolean(),
      lastReason: z.string().nullable(),
    }),
  ),
});
