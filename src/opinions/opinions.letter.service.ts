import { conflict, forbidden } from "../http/errors.ts";
import { bodyText, paragraph, renderDecree30Docx } from "../reports/decree30.ts";
import { DOCUMENT_KINDS, documentNumberFor } from "../reports/reports.numbers.service.ts";
import { issuingUnitOf } from "../reports/reports.service.ts";
import { formatDate } from "../text/dates.ts";
import { redactPersonalData } from "../text/redact.ts";
import { canReadOpinion, canViewContact } from "./opinions.policy.ts";
import { listOpinionAnswers } from "./opinions.queries.ts";
import { loadInScope, revealOpinionContact } from "./opinions.service.ts";
import { findLatestApprovedAnswer } from "./opinions.steps.queries.ts";
import { formatTrackingCode } from "./opinions.tracking-code.ts";

/*
 * The written answer to a contributor ("trả lời ý kiến"): an official letter in the Decree 30 layout from the
 * opinion's approved answer, numbered "Số: 05/TL-CAXTH" once per answer and signed for the unit.
 */

/**
 * The answer letter of an opinion of the actor's subtree, as a DOCX: who may read the opinion may print it
 * (403 before anything else), 409 `opinion.no_approved_answer` without an approved answer. The contributor is
 * addressed by name only for a role that may see identity, read through the audited contact read.
 */
export async function getAnswerLetter(args: Parameters<typeof revealOpinionContact>[0]): Promise<{ document: Buffer; fileName: string }> {
  const { db, actor, opinionId } = args;
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (!canReadOpinion(actor, facts)) throw forbidden();
  const answer = await findLatestApprovedAnswer(db, opinion.id);
  if (!answer) throw conflict("opinion.no_approved_answer");
  const contactName = canViewContact(actor, facts) ? (await revealOpinionContact(args)).name : null;
  const [unit, issued, answers] = await Promise.all([
    issuingUnitOf({ db, unitId: opinion.unit_id }),
    documentNumberFor({ db, unitId: opinion.unit_id, kind: DOCUMENT_KINDS.answerLetter, subjectId: answer.id }),
    listOpinionAnswers(db, opinion.id),
  ]);
  const approved = answers.find((a) => a.id === answer.id);
  const trackingCode = formatTrackingCode(opinion.tracking_code);
  const addressee = contactName ? `Ông/Bà ${contactName}` : `Ông/Bà đã gửi ý kiến (mã theo dõi ${trackingCode})`;
  const unitName = unit.issuer.name;
  const document = await renderDecree30Docx({
    name: `Trả lời ý kiến ${trackingCode}`,
    issuer: unit.issuer,
    number: { value: issued.number, kindSymbol: issued.kind, unitSymbol: unit.unitSymbol },
    about: "trả lời ý kiến của Nhân dân",
    placeDate: { place: unit.place, day: issued.issuedOn },
    addressees: [addressee],
    body: [
      paragraph(
        `Ngày ${formatDate(opinion.received_at)}, ${unitName} nhận được ý kiến của Ông/Bà (mã theo dõi ${trackingCode}) với nội dung:`,
        { indent: true },
      ),
      ...bodyText(`“${redactPersonalData(opinion.content).text}”`, { italics: true }),
      paragraph(`Sau khi xem xét, ${unitName} trả lời như sau:`, { indent: true }),
      ...bodyText(answer.content),
      paragraph(`Ông/Bà có thể xem lại câu trả lời và đánh giá sự hài lòng bằng mã theo dõi ${trackingCode}.`, { indent: true }),
      paragraph(`${unitName} trân trọng cảm ơn Ông/Bà đã quan tâm, góp ý./.`, { indent: true }),
    ],
    signatures: [{ authority: { prefix: "TM.", of: unitName }, name: approved?.reviewer_name ?? approved?.author_name ?? "" }],
    recipients: ["Như trên", `Lưu: VT, ${unit.unitSymbol}`],
  });
  return { document, fileName: `tra-loi-${issued.number}-${issued.kind}-${issued.year}.docx` };
}
