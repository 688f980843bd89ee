import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import type { Database, Executor } from "../db/index.ts";
import { AppError, conflict, forbidden } from "../http/errors.ts";
import { placeNameOf } from "../reports/decree30.ts";
import { DOCUMENT_KINDS, documentNumberFor, type IssuedNumber } from "../reports/reports.numbers.service.ts";
import { issuingUnitOf } from "../reports/reports.service.ts";
import { dayInVietnam, formatDate } from "../text/dates.ts";
import { foldForSearch } from "../text/vietnamese.ts";
import { renderMinutesDocx, renderPosterDocx, type MinutesContent, type MinutesOpinion } from "./forums.documents.ts";
import { finaliseMinutes, findMinutes, listForumItems, upsertMinutesDraft, type ForumItemRow } from "./forums.items.queries.ts";
import { forumSatisfactionSentence, printableForumSurvey } from "./forums.campaigns.service.ts";
import { canFinaliseMinutes } from "./forums.policy.ts";
import type { ForumRecord } from "./forums.queries.ts";
import type { MinutesBody, MinutesResponse } from "./forums.schemas.ts";
import { forumPublicUrl, loadForumInScope, loadForumToRun } from "./forums.service.ts";

/* The minutes of a forum (Biên bản, template 1.9): an editable draft, then final, stored, hashed, immutable. */

type MinutesRow = NonNullable<Awaited<ReturnType<typeof findMinutes>>>;

function present(forumId: string, row: MinutesRow | undefined): MinutesResponse {
  return {
    forumId,
    attendees: row?.attendees ?? "",
    proceedings: row?.proceedings ?? "",
    closingNote: row?.closing_note ?? "",
    endedAt: row?.ended_at?.toISOString() ?? null,
    status: row?.status ?? "draft",
    contentHash: row?.content_hash ?? null,
    finalisedAt: row?.finalised_at?.toISOString() ?? null,
  };
}

/** The forum's minutes (an empty draft until written). */
export async function getMinutes({ db, actor, forumId }: { db: Executor; actor: UserActor; forumId: string }) {
  await loadForumInScope(db, actor, forumId);
  return present(forumId, await findMinutes(db, forumId));
}

/** Writes the draft minutes of a started forum; 409 once they are final. Audited. */
export async function saveMinutesDraft({
  db,
  actor,
  forumId,
  input,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  forumId: string;
  input: MinutesBody;
}) {
  const forum = await loadForumToRun(db, actor, forumId);
  if (forum.status !== "live" && forum.status !== "ended") throw conflict("forum.minutes_too_early");
  await db.transaction().execute(async (trx) => {
    const saved = await upsertMinutesDraft(trx, {
      forumId,
      attendees: input.attendees,
      proceedings: input.proceedings,
      closingNote: input.closingNote,
      endedAt: input.endedAt ? new Date(input.endedAt) : null,
    });
    if (!saved) throw conflict("forum.minutes_final");
    await recordAudit({ db: trx, actor, action: "forum.minutes_edit", entityType: "forum", entityId: forumId, details: {} });
  });
  return present(forumId, await findMinutes(db, forumId));
}

function outcomeOf(item: ForumItemRow): string {
  const note = item.mark_note ?? "";
  switch (item.mark) {
    case "on_spot":
      return `Đã trả lời tại hội nghị: ${note}`;
    case "written":
      if (item.answer_content) return `Đã trả lời bằng văn bản: ${item.answer_content}`;
      return `Sẽ trả lời bằng văn bản${item.answer_due_at ? ` (hạn ${formatDate(item.answer_due_at)})` : ""}.${note ? ` ${note}` : ""}`;
    case "transferred":
      return `Chuyển cơ quan có thẩm quyền: ${note}`;
    case "out_of_scope":
      return `Không thuộc phạm vi hội nghị: ${note}`;
    default:
      return "Tiếp nhận, xử lý theo quy trình.";
  }
}

/** The venue in one phrase: each part (place, hamlet, commune) written once, even when the place already names it. */
function venueOf(forum: ForumRecord): string {
  const parts: string[] = [];
  for (const part of [forum.place, forum.hamlet, forum.location_name?.replace(/^Công an /, "")]) {
    if (part && !foldForSearch(parts.join(" ")).includes(foldForSearch(part))) parts.push(part.trim());
  }
  return parts.join(", ");
}

async function contentOf(db: Kysely<Database>, forum: ForumRecord, row: MinutesRow | undefined, issued: IssuedNumber | null): Promise<MinutesContent> {
  const items = await listForumItems(db, forum.id, { onlyShown: false });
  const opinions: MinutesOpinion[] = items.map((item) => ({
    speaker: item.speaker ?? (item.source === "citizen" ? "Ý kiến gửi qua điện thoại" : null),
    text: item.original_text,
    outcome: outcomeOf(item),
  }));
  const unit = await issuingUnitOf({ db, unitId: forum.unit_id });
  const startedAt = forum.started_at ?? forum.starts_at;
  return {
    issuer: unit.issuer,
    number: { value: issued?.number ?? null, kindSymbol: DOCUMENT_KINDS.minutes, unitSymbol: unit.unitSymbol },
    place: forum.location_name ? placeNameOf(forum.location_name, null) : unit.place,
    day: dayInVietnam(startedAt),
    title: forum.title,
    startedAt,
    endedAt: row?.ended_at ?? forum.ended_at,
    venue: venueOf(forum),
    coOrganisers: forum.co_organisers,
    chairName: forum.chair_name,
    secretaryName: forum.secretary_name,
    invitedGroups: forum.invited_groups,
    attendees: row?.attendees ?? "",
    attendance: forum.attendance,
    expectedAttendance: forum.expected_attendance,
    reportText: forum.report_text,
    keyFigures: forum.key_figures,
    satisfaction: await forumSatisfactionSentence(db, forum),
    proceedings: row?.proceedings ?? "",
    closingNote: row?.closing_note ?? "",
    opinions,
  };
}

/**
 * Finalises the minutes of an ended forum (leaders): the DOCX is rendered once, stored with its SHA-256 and
 * never changed again (the database refuses it); audited with the hash.
 */
export async function finaliseForumMinutes({ db, actor, forumId }: { db: Kysely<Database>; actor: UserActor; forumId: string }) {
  const { forum } = await loadForumInScope(db, actor, forumId);
  if (!canFinaliseMinutes(actor, { inScope: true })) throw forbidden();
  if (forum.status !== "ended") throw new AppError(409, "forum.invalid_transition", { params: { status: forum.status } });
  const row = await findMinutes(db, forumId);
  if (!row) throw conflict("forum.minutes_missing");
  if (row.status === "final") throw conflict("forum.minutes_final");
  // Numbered in the year of the forum's day, the date the minutes bear; kept if finalising fails and is retried.
  const issued = await documentNumberFor({
    db,
    unitId: forum.unit_id,
    kind: DOCUMENT_KINDS.minutes,
    subjectId: forum.id,
    day: dayInVietnam(forum.started_at ?? forum.starts_at),
  });
  const document = await renderMinutesDocx(await contentOf(db, forum, row, issued));
  const contentHash = createHash("sha256").update(document).digest("hex");
  await db.transaction().execute(async (trx) => {
    if (!(await finaliseMinutes(trx, { forumId, document, contentHash, userId: actor.id }))) throw conflict("forum.minutes_final");
    await recordAudit({ db: trx, actor, action: "forum.minutes_finalise", entityType: "forum", entityId: forumId, details: { contentHash } });
  });
  return present(forumId, await findMinutes(db, forumId));
}

/** The minutes as DOCX: the stored document once final, else the draft rendered now. */
export async function getMinutesDocx({ db, actor, forumId }: { db: Kysely<Database>; actor: UserActor; forumId: string }) {
  const { forum } = await loadForumInScope(db, actor, forumId);
  const row = await findMinutes(db, forumId);
  if (row?.status === "final" && row.document) return { document: row.document, isFinal: true };
  return { document: await renderMinutesDocx(await contentOf(db, forum, row, null)), isFinal: false };
}

/** The A4 poster and table cards with the forum's QR code (its public page). */
export async function getPosterDocx({ db, actor, forumId, publicBase }: { db: Executor; actor: UserActor; forumId: string; publicBase: string }) {
  const { forum } = await loadForumInScope(db, actor, forumId);
  const survey = await printableForumSurvey(db, forum);
  return renderPosterDocx({
    issuer: (await issuingUnitOf({ db, unitId: forum.unit_id })).issuer,
    title: forum.title,
    startsAt: forum.starts_at,
    venue: [forum.place, forum.hamlet, forum.location_name].filter(Boolean).join(", "),
    url: forumPublicUrl(publicBase, forum.id),
    surveyUrl: survey ? `${publicBase.replace(/\/+$/, "")}${survey.path}?via=qr` : null,
  });
}
