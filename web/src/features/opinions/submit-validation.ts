import { MAX_CONTENT_LENGTH } from "./api";

/** The fields of the submission form, as the form names them. */
export type SubmitField =
  | "unitId"
  | "kind"
  | "topics"
  | "content"
  | "targetOfficer"
  | "contactName"
  | "contactPhone"
  | "contactEmail"
  | "publicConsent";

export interface SubmitValues {
  unitId: string | null;
  content: string;
  isAnonymous: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** Topic codes chosen (optional). */
  topics: readonly string[];
  /** The officer the opinion is about, as typed (optional). */
  targetOfficer: string;
}

/** i18n keys of the client-side errors. */
export type SubmitErrorKey =
  | "submit.errors.unitRequired"
  | "submit.errors.contentRequired"
  | "submit.errors.contentTooLong"
  | "submit.errors.tooManyTopics"
  | "submit.errors.officerTooLong"
  | "submit.errors.contactRequired"
  | "submit.errors.nameTooLong"
  | "submit.errors.phoneInvalid"
  | "submit.errors.emailInvalid";

const MAX_NAME_LENGTH = 100;
/** Most topics a citizen may tag an opinion with, as the server accepts. */
export const MAX_TOPICS = 5;
/** Longest officer name or description accepted, as the server accepts. */
export const MAX_TARGET_OFFICER_LENGTH = 100;
const MAX_EMAIL_LENGTH = 254;
/** Digits with the separators people type ("0912 345 678", "+84 (912) 345-678"), as the server accepts. */
const PHONE_PATTERN = /^\+?[0-9 ().-]{8,20}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Zero-width and bidirectional controls, and C0/C1 controls except tab and line breaks: the server drops them.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text as the server stores it (NFC, CRLF → LF, no invisible characters, trimmed): the length the limit applies to. */
export function normaliseContent(content: string): string {
  return content.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL, "").replace(INVISIBLE, "").trim();
}

/** Checks the form before sending, mirroring the server's rules; returns the errors by field. */
export function validateSubmission(values: SubmitValues): Partial<Record<SubmitField, SubmitErrorKey>> {
  const errors: Partial<Record<SubmitField, SubmitErrorKey>> = {};
  if (!values.unitId) errors.unitId = "submit.errors.unitRequired";

  const content = normaliseContent(values.content);
  if (content === "") errors.content = "submit.errors.contentRequired";
  else if (content.length > MAX_CONTENT_LENGTH) errors.content = "submit.errors.contentTooLong";

  if (values.topics.length > MAX_TOPICS) errors.topics = "submit.errors.tooManyTopics";
  if (normaliseContent(values.targetOfficer).length > MAX_TARGET_OFFICER_LENGTH) {
    errors.targetOfficer = "submit.errors.officerTooLong";
  }

  if (!values.isAnonymous) {
    const name = normaliseContent(values.contactName);
    const phone = values.contactPhone.trim();
    const email = values.contactEmail.trim();
    if (name.length > MAX_NAME_LENGTH) errors.contactName = "submit.errors.nameTooLong";
    // The server accepts a name alone; we ask for a way to reach the sender, the point of leaving contact.
    if (phone === "" && email === "") errors.contactPhone = "submit.errors.contactRequired";
    if (phone !== "" && !PHONE_PATTERN.test(phone)) errors.contactPhone = "submit.errors.phoneInvalid";
    if (email !== "" && (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email))) {
      errors.contactEmail = "submit.errors.emailInvalid";
    }
  }
  return errors;
}

/** Maps the server's `field` ("contact.phone", "/contact/phone", "content") to a form field. */
export function fieldFromServer(field: string | undefined): SubmitField | undefined {
  if (!field) return undefined;
  const path = field.split(/[./[\]]+/).filter(Boolean);
  const last = path.at(-1);
  const inContact = path.includes("contact");
  // "topics/3" names one entry of the list: the error belongs to the whole picker.
  if (path.includes("topics")) return "topics";
  switch (last) {
    case "unitId":
      return "unitId";
    case "kind":
      return "kind";
    case "content":
      return "content";
    case "targetOfficer":
    case "aboutUnitConduct":
      return "targetOfficer";
    case "publicConsent":
      return "publicConsent";
    case "name":
      return "contactName";
    case "phone":
      return "contactPhone";
    case "email":
      return "contactEmail";
    case "contact":
    case "anonymous":
      return "contactPhone";
    default:
      return inContact ? "contactPhone" : undefined;
  }
}
