import type { Bilingual, Question } from "./api";

/** The question types a leader can add. */
export const QUESTION_TYPES = ["likert", "yes_no", "choice", "number", "text"] as const;
/** A question type. */
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The official 5-level labels, level 1 first (the server's LIKERT_LABELS; the console shows them as a preview). */
export const LIKERT_LABELS: readonly Bilingual[] = [
  { vi: "Rất không hài lòng", en: "Very dissatisfied" },
  { vi: "Không hài lòng", en: "Dissatisfied" },
  { vi: "Bình thường", en: "Neutral" },
  { vi: "Hài lòng", en: "Satisfied" },
  { vi: "Rất hài lòng", en: "Very satisfied" },
];

/** A custom question being written: every input as typed, with a key that stays while it moves. */
export interface QuestionDraft {
  key: string;
  id: string;
  type: QuestionType;
  vi: string;
  en: string;
  element: string;
  options: { key: string; code: string; vi: string; en: string }[];
  min: string;
  max: string;
  maxLength: string;
}

/** A problem of a draft: the last part of its message's key under `campaignEditor.errors`. */
export type DraftError = "id" | "textRequired" | "textTooLong" | "optionsTooFew" | "optionsTooMany" | "numberRequired" | "minAboveMax" | "maxLength";
/** A draft's problems by input (`vi`, `options`, `option.<key>`, `min`, `max`, `maxLength`). */
export type DraftErrors = Partial<Record<string, DraftError>>;

let lastKey = 0;
const nextKey = () => `d${(lastKey += 1)}`;
const QUESTION_ID = /^[a-z][a-z0-9_]{0,39}$/;

/** A free id (`custom_1`, `custom_2` …) for a new question, or option code, not among `taken`. */
export function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** A new, empty question of `type` with an id none of `takenIds` has. */
export function newDraft(type: QuestionType, takenIds: Iterable<string>): QuestionDraft {
  return {
    key: nextKey(),
    id: freeId("custom", takenIds),
    type,
    vi: "",
    en: "",
    element: "",
    options: [
      { key: nextKey(), code: "option_1", vi: "", en: "" },
      { key: nextKey(), code: "option_2", vi: "", en: "" },
    ],
    min: "0",
    max: "100",
    maxLength: "500",
  };
}

/** A stored question as a draft (an English text equal to the Vietnamese shows as left out). */
export function draftFromQuestion(q: Question): QuestionDraft {
  const en = (text: Bilingual) => (text.en === text.vi ? "" : text.en);
  const draft = newDraft(q.type, []);
  return {
    ...draft,
    id: q.id,
    vi: q.text.vi,
    en: en(q.text),
    element: q.type === "likert" ? (q.element ?? "") : "",
    options: q.type === "choice" ? q.options.map((o) => ({ key: nextKey(), code: o.code, vi: o.text.vi, en: en(o.text) })) : draft.options,
    min: q.type === "number" ? String(q.min) : draft.min,
    max: q.type === "number" ? String(q.max) : draft.max,
    maxLength: q.type === "text" ? String(q.maxLength) : draft.maxLength,
  };
}

const text = (vi: string, en: string): Bilingual => ({ vi: vi.trim(), en: en.trim() || vi.trim() });
const asNumber = (value: string) => (value.trim() === "" ? Number.NaN : Number(value.replace(",", ".")));

/** The question the API takes (an English text left out is sent as the Vietnamese). */
export function questionFromDraft(d: QuestionDraft): Question {
  const base = { id: d.id, text: text(d.vi, d.en) };
  switch (d.type) {
    case "likert":
      return { ...base, type: "likert", element: d.element || null };
    case "yes_no":
      return { ...base, type: "yes_no" };
    case "choice":
      return { ...base, type: "choice", options: d.options.map((o) => ({ code: o.code, text: text(o.vi, o.en) })) };
    case "number":
      return { ...base, type: "number", min: asNumber(d.min), max: asNumber(d.max) };
    case "text":
      return { ...base, type: "text", maxLength: asNumber(d.maxLength) };
  }
}

/** What is wrong with a draft, by input; empty when it can be sent. */
export function checkDraft(d: QuestionDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!QUESTION_ID.test(d.id)) errors.vi = "id";
  if (d.vi.trim() === "") errors.vi = "textRequired";
  else if (d.vi.trim().length > 500 || d.en.trim().length > 500) errors.vi = "textTooLong";
  if (d.type === "choice") {
    if (d.options.length < 2) errors.options = "optionsTooFew";
    if (d.options.length > 20) errors.options = "optionsTooMany";
    for (const o of d.options) if (o.vi.trim() === "") errors[`option.${o.key}`] = "textRequired";
  }
  if (d.type === "number") {
    const [min, max] = [asNumber(d.min), asNumber(d.max)];
    if (!Number.isFinite(min)) errors.min = "numberRequired";
    if (!Number.isFinite(max)) errors.max = "numberRequired";
    else if (Number.isFinite(min) && min > max) errors.max = "minAboveMax";
  }
  if (d.type === "text") {
    const maxLength = asNumber(d.maxLength);
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 2000) errors.maxLength = "maxLength";
  }
  return errors;
}

/** A draft with a new option (its code free among the others'). */
export function withNewOption(d: QuestionDraft): QuestionDraft {
  return { ...d, options: [...d.options, { key: nextKey(), code: freeId("option", d.options.map((o) => o.code)), vi: "", en: "" }] };
}

/** `items` with the one at `index` moved by `step` (−1 up, +1 down); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}
