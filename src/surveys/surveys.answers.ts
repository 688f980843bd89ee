import { isBlankText, normalizeText } from "../text/vietnamese.ts";
import { RESPONDENT_ATTRIBUTES, type Question, type RespondentAttribute } from "./surveys.templates.ts";

/** A stored answer: a Likert level 1..5, yes/no, a choice's code, a number or a text. */
export type AnswerValue = number | boolean | string;

/** Why an answer was refused, naming the field (`answers.<questionId>`) and what the respondent read there. */
export class AnswerProblem extends Error {
  constructor(
    readonly field: string,
    readonly label: Readonly<{ vi: string; en: string }>,
  ) {
    super(field);
  }
}

function checkOne(question: Question, value: unknown): AnswerValue {
  const field = `answers.${question.id}`;
  switch (question.type) {
    case "likert":
      if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5) return value;
      break;
    case "yes_no":
      if (typeof value === "boolean") return value;
      break;
    case "choice":
      if (typeof value === "string" && question.options.some((o) => o.code === value)) return value;
      break;
    case "number":
      if (typeof value === "number" && Number.isFinite(value) && value >= question.min && value <= question.max) return value;
      break;
    case "text":
      if (typeof value === "string") {
        const text = normalizeText(value);
        if (isBlankText(text)) return "";
        if (text.length <= question.maxLength) return text;
      }
      break;
  }
  throw new AnswerProblem(field, question.text);
}

/**
 * The answers to keep: each must name a question of the campaign and fit its type; null or an empty text
 * is a blank (left out, never counted). Throws an AnswerProblem naming the first bad field.
 */
export function checkAnswers(questions: readonly Question[], answers: Record<string, unknown>): Record<string, AnswerValue> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const kept: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) throw new AnswerProblem(`answers.${id}`, { vi: id, en: id });
    if (value === null || value === "") continue;
    const checked = checkOne(question, value);
    if (checked !== "") kept[id] = checked;
  }
  return kept;
}

/** Respondent attributes, kept only with consent and only those the campaign asks, with allowed values. */
export function checkAttributes(
  asked: readonly string[],
  attributes: Record<string, unknown> | undefined,
  hasConsent: boolean,
): Record<string, string> {
  if (!hasConsent || !attributes) return {};
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === "") continue;
    const allowed = RESPONDENT_ATTRIBUTES[name as RespondentAttribute] as readonly string[] | undefined;
    if (!asked.includes(name) || !allowed || typeof value !== "string" || !allowed.includes(value)) {
      throw new AnswerProblem(`attributes.${name}`, { vi: name, en: name });
    }
    kept[name] = value;
  }
  return kept;
}

/** The Likert answers of a response, in question order. */
export function likertAnswers(questions: readonly Question[], answers: Record<string, AnswerValue>) {
  return questions
    .filter((q) => q.type === "likert" && typeof answers[q.id] === "number")
    .map((q) => ({ questionId: q.id, level: answers[q.id] as number }));
}

/** Straight-lining: the same level on every Likert question, with at least `minQuestions` answered. */
export function isStraightLined(likert: readonly { level: number }[], minQuestions: number): boolean {
  return likert.length >= minQuestions && likert.every((a) => a.level === likert[0]?.level);
}
