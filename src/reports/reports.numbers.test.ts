import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, ENGINES } from "../../test/db.ts";
import { createTestUnit } from "../../test/factories.ts";
import { DOCUMENT_KINDS, documentNumberFor } from "./reports.numbers.service.ts";

describe.each(ENGINES)("document numbers on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(() => t.close());

  it("gives 20 concurrent requests 20 distinct consecutive numbers", async () => {
    const { id: unitId } = await createTestUnit(t.db);
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () => documentNumberFor({ db: t.db, unitId, kind: DOCUMENT_KINDS.answerLetter, subjectId: randomUUID(), day: "2026-12-08" })),
    );
    expect(numbers.map((n) => n.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(numbers.map((n) => n.year))).toEqual(new Set([2026]));
  });

  it("gives a subject one number however often and concurrently it is asked, skipping none", async () => {
    const { id: unitId } = await createTestUnit(t.db);
    const subjectId = randomUUID();
    const ask = () => documentNumberFor({ db: t.db, unitId, kind: DOCUMENT_KINDS.minutes, subjectId, day: "2026-12-08" });
    const asked = await Promise.all(Array.from({ length: 5 }, ask));
    expect(asked.map((n) => n.number)).toEqual([1, 1, 1, 1, 1]);
    expect((await ask()).issuedOn).toBe("2026-12-08");
    const next = await documentNumberFor({ db: t.db, unitId, kind: DOCUMENT_KINDS.minutes, subjectId: randomUUID(), day: "2026-12-09" });
    expect(next.number).toBe(2);
  });

  it("numbers each unit, year and kind from 1", async () => {
    const a = (await createTestUnit(t.db)).id;
    const b = (await createTestUnit(t.db)).id;
    const number = (unitId: string, kind: (typeof DOCUMENT_KINDS)[keyof typeof DOCUMENT_KINDS], day: string) =>
      documentNumberFor({ db: t.db, unitId, kind, subjectId: randomUUID(), day }).then((n) => n.number);
    expect(await number(a, "BB", "2026-12-31")).toBe(1);
    expect(await number(a, "BB", "2026-12-31")).toBe(2);
    expect(await number(a, "BB", "2027-01-01")).toBe(1);
    expect(await number(a, "TL", "2026-12-31")).toBe(1);
    expect(await number(b, "BB", "2026-12-31")).toBe(1);
  });
});
