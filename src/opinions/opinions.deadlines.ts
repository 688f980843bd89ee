import { addWorkingDays, addWorkingHours } from "../calendar/working-time.ts";
import { isOpenStatus, isRoutingKind, type OpinionKind, type OpinionStatus } from "./opinions.workflow.ts";

/** A deadline rule as configured in `deadline_rules`. */
export interface DeadlineRule {
  kind: string;
  urgency: string;
  stage: string;
  amount: number;
  unit: "working_hours" | "working_days";
}

/**
 * When an opinion received at `receivedAt` is due — its answer, or for a routing kind (crime report…) its
 * routing to the proper procedure — by the rule for its kind and urgency, in working time (weekends and
 * Vietnamese public holidays excluded); null when no rule applies.
 */
export function answerDueAt({
  rules,
  kind,
  urgency,
  receivedAt,
}: {
  rules: readonly DeadlineRule[];
  kind: OpinionKind;
  urgency: string;
  receivedAt: Date;
}): Date | null {
  const stage = isRoutingKind(kind) ? "route" : "answer";
  const rule = rules.find((r) => r.stage === stage && r.kind === kind && r.urgency === urgency);
  if (!rule) return null;
  return rule.unit === "working_hours"
    ? addWorkingHours(receivedAt, rule.amount)
    : addWorkingDays(receivedAt, rule.amount);
}

/** OVERDUE is computed, never stored: an opinion still open after its answer deadline. */
export function isOverdue({ status, dueAt, now }: { status: OpinionStatus; dueAt: Date | null; now: Date }): boolean {
  return dueAt !== null && isOpenStatus(status) && dueAt.getTime() < now.getTime();
}
