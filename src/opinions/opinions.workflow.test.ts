import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import {
  ANSWERED_STATUSES,
  ENDED_STATUSES,
  OPEN_STATUSES,
  OPINION_ACTIONS,
  OPINION_STATUSES,
  TRANSITIONS,
  type OpinionStatus,
} from "./opinions.workflow.ts";

const SETS: Record<string, readonly OpinionStatus[]> = { open: OPEN_STATUSES, answered: ANSWERED_STATUSES, ended: ENDED_STATUSES };

/** The names of the sets that hold `status`. */
const setsOf = (status: string) => Object.keys(SETS).filter((name) => (SETS[name] as readonly string[]).includes(status));

/** Every state a step of the state machine leaves from or leads to. */
const machineStates = () => new Set(OPINION_ACTIONS.flatMap((action) => [...TRANSITIONS[action].from, TRANSITIONS[action].to]));

/** The quoted words of an SQL expression: the states a CHECK constraint or an index predicate lists. */
const quoted = (definition: string) => [...definition.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);

describe("the opinion states' sets", () => {
  it("puts every state, and every state a step leaves from or leads to, in exactly one of open, answered and ended", () => {
    for (const status of new Set<string>([...OPINION_STATUSES, ...machineStates()])) {
      expect([status, setsOf(status)]).toEqual([status, [expect.any(String)]]);
    }
  });

  it("keeps answering steps inside the answered set and lets the citizen reopen from every answered state", () => {
    expect(ANSWERED_STATUSES).toContain(TRANSITIONS.approve_answer.to);
    expect(ANSWERED_STATUSES).toContain(TRANSITIONS.answer_on_spot.to);
    expect(ANSWERED_STATUSES).toContain(TRANSITIONS.close.to);
    expect([...TRANSITIONS.reopen.from].sort()).toEqual([...ANSWERED_STATUSES].sort());
  });

  it("makes every ended state the end of the road: a step leads there, none leaves", () => {
    for (const status of ENDED_STATUSES) {
      expect([status, OPINION_ACTIONS.some((action) => TRANSITIONS[action].to === status)]).toEqual([status, true]);
      expect([status, OPINION_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status))]).toEqual([status, []]);
    }
  });
});

describe.each(ENGINES)("the database's opinion states on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(() => t.close());

  /** The SQL text of a constraint or an index, as the database keeps it. */
  const definition = async (query: ReturnType<typeof sql<{ def: string }>>) => (await query.execute(t.db)).rows[0]?.def ?? "";

  it("allows exactly the workflow's states, each of them in one of its sets", async () => {
    const check = await definition(
      sql<{ def: string }>`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'opinions_status_check'`,
    );
    const allowed = quoted(check);
    expect([...allowed].sort()).toEqual([...OPINION_STATUSES].sort());
    for (const status of allowed) expect([status, setsOf(status ?? "")]).toEqual([status, [expect.any(String)]]);
  });

  it("indexes the deadlines of exactly the open states, as the sweeps ask for them", async () => {
    const index = await definition(sql<{ def: string }>`SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'opinions_open_due_idx'`);
    expect([...quoted(index)].sort()).toEqual([...OPEN_STATUSES].sort());
  });
});
