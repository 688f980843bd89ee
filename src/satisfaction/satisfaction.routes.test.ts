import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs } from "../../test/surveys.ts";
import { submitSurveyResponse } from "../surveys/surveys.responses.service.ts";
import { wilsonInterval } from "./satisfaction.index.ts";
import { addAnswerSums, answerSumsOf, clusteredInterval, EMPTY_ANSWER_SUMS } from "./satisfaction.intervals.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

describe.each(ENGINES)("the satisfaction dashboard on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let communeLeader: string;
  let provinceId: string;
  let communeA: string;
  let communeB: string;
  let district: string;
  let campaignId: string;

  const answer = async (unitId: string, day: string, levels: (number | null)[]) => {
    const [security, duties, conduct, force] = levels;
    await submitSurveyResponse({
      db: t.db,
      campaignId,
      unitId,
      input: { clientKey: randomUUID(), answers: { security, duties, conduct, force } },
      deviceId: undefined,
      now: new Date(`${day}T03:00:00Z`),
    });
  };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    provinceId = (await createTestUnit(t.db, { name: "Công an tỉnh Thanh Hóa" })).id;
    district = (await createTestUnit(t.db, { parentId: provinceId, name: "Công an huyện Thiệu Hóa", validFrom: "2020-01-01", validTo: "2025-02-28" })).id;
    communeA = (await createTestUnit(t.db, { parentId: provinceId, name: "Công an xã Thiệu Hóa" })).id;
    communeB = (await createTestUnit(t.db, { parentId: provinceId, name: "Công an xã Thiệu Tiến" })).id;
    await t.db.insertInto("unit_successors").values({ unit_id: district, successor_id: communeA }).execute();
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: provinceId })).username);
    communeLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: communeB })).username);
    campaignId = (await createCampaignAs(t.app, leader, campaignBody([district, communeA, communeB], { startsOn: "2024-10-01", endsOn: "2026-12-31" }))).id;
    // Q4 2024: the former district, 10 respondents all satisfied on security, half on duties.
    for (let i = 0; i < 10; i++) await answer(district, "2024-11-15", [4, i < 5 ? 5 : 2, null, null]);
    // Q1 2025: commune A, 12 respondents; commune B, 4 (below the minimum n of 10).
    for (let i = 0; i < 12; i++) await answer(communeA, "2025-01-20", [5, 4, i < 3 ? 1 : 4, 3]);
    for (let i = 0; i < 4; i++) await answer(communeB, "2025-03-02", [2, 2, 2, 2]);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string, lang = "vi") => t.app.inject({ method: "GET", url, headers: { cookie, "accept-language": lang } });

  it("shows a quarter's figures by rating instances and by respondents, with n, distribution, interval, band and change", async () => {
    const response = await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&period=2025-Q1`, leader);
    expect(response.statusCode, response.body).toBe(200);
    const d = response.json();
    expect(d.period).toMatchObject({ from: "2025-01-01", to: "2025-03-01" });
    expect(d.previous).toMatchObject({ from: "2024-10-01", to: "2024-12-01" });
    // 12×4 + 4×4 answers; satisfied: A has 12 + 12 + 9 + 0 = 33.
    expect(d.overall.instances).toMatchObject({ n: 64, distribution: [3, 16, 12, 21, 12] });
    expect(d.overall.instances.rate).toBeCloseTo((100 * 33) / 64, 2);
    // Each respondent gives 4 answers: the interval is the clustered one (A: 3 people with 2 of 4 satisfied,
    // 9 with 3 of 4; B: 4 with none), wider than Wilson's on 64 independent answers.
    const people = [...Array(3).fill(answerSumsOf(2, 4)), ...Array(9).fill(answerSumsOf(3, 4)), ...Array(4).fill(answerSumsOf(0, 4))];
    const clustered = clusteredInterval(33, 64, people.reduce((sum, p) => addAnswerSums(sum, p), EMPTY_ANSWER_SUMS))!;
    expect(d.overall.instances.low).toBeCloseTo(clustered.low, 2);
    expect(d.overall.instances.high).toBeCloseTo(clustered.high, 2);
    expect(d.overall.instances.high - d.overall.instances.low).toBeGreaterThan(wilsonInterval(33, 64)!.high - wilsonInterval(33, 64)!.low);
    expect(d.overall.instances.previousRate).toBe(75);
    expect(d.overall.instances.change).toBeCloseTo((100 * 33) / 64 - 75, 1);
    // Respondents' rounded mean levels: A's 3 with [5,4,1,3] → 3, A's 9 with [5,4,4,3] → 4, B's 4 → 2.
    expect(d.overall.respondents).toMatchObject({ n: 16, distribution: [0, 4, 3, 9, 0], rate: 56.25 });
    expect(d.overall.responses).toBe(16);
    const security = d.questions.find((q: { id: string }) => q.id === "security");
    expect(security).toMatchObject({ n: 16, distribution: [0, 4, 0, 0, 12], rate: 75, previousRate: 100, change: -25 });
    expect(security.text).toContain("an ninh");
    expect(d.elements).toHaveLength(4);
  });

  it("rolls the abolished district's data into its successor and never shows or ranks a figure below the minimum n", async () => {
    const d = (await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&period=2024-Q4`, leader)).json();
    expect(d.units.map((u: { name: string }) => u.name)).toEqual(["Công an xã Thiệu Hóa"]);
    expect(d.units[0]).toMatchObject({ n: 20, responses: 10, rank: { best: 1, worst: 1 } });
    const q1 = (await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&period=2025-Q1`, leader)).json();
    const b = q1.units.find((u: { unitId: string }) => u.unitId === communeB);
    // 16 rating instances, but from 4 respondents: below the minimum n of respondents, so suppressed.
    expect(b).toMatchObject({ n: 16, responses: 4, rate: null, isSuppressed: true, rank: null, distribution: [0, 16, 0, 0, 0] });
    // The suppressed unit counts in no rank: A is alone, 1st.
    expect(q1.units.find((u: { unitId: string }) => u.unitId === communeA).rank).toEqual({ best: 1, worst: 1 });
    expect(q1.heatmap.find((c: { unitId: string; questionId: string }) => c.unitId === communeA && c.questionId === "conduct")).toMatchObject({ n: 12, rate: 75 });
  });

  it("limits a commune's leader to the commune's own subtree", async () => {
    const own = await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&period=2025-Q1`, communeLeader);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().root.id).toBe(communeB);
    expect(own.json().overall.instances.n).toBe(16);
    const province = await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&unitId=${provinceId}`, communeLeader, "en");
    expect(province.statusCode).toBe(403);
    expect(province.json().error.message).toBe("The unit is outside your scope.");
    const badPeriod = await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&period=Q1`, leader);
    expect(badPeriod.json().error).toMatchObject({ code: "satisfaction.period_invalid", field: "period" });
  });

  it("weights respondents to population margins beside the unweighted rate, and shows per-answer ratings apart", async () => {
    const weighted = (await createCampaignAs(t.app, leader, campaignBody([communeA], { attributes: ["ageBand", "sex"], startsOn: "2025-01-01" }))).id;
    // Young men (over-represented) are less satisfied than older women.
    const people = [
      ...Array.from({ length: 16 }, (_, i) => ({ ageBand: "18-29", sex: "male", level: i < 8 ? 4 : 2 })),
      ...Array.from({ length: 4 }, () => ({ ageBand: "60+", sex: "female", level: 5 })),
      ...Array.from({ length: 2 }, () => ({ ageBand: "60+", sex: "male", level: 4 })),
      ...Array.from({ length: 2 }, () => ({ ageBand: "18-29", sex: "female", level: 5 })),
    ];
    for (const p of people) {
      await submitSurveyResponse({
        db: t.db,
        campaignId: weighted,
        unitId: communeA,
        input: { clientKey: randomUUID(), answers: { security: p.level }, hasConsent: true, attributes: { ageBand: p.ageBand, sex: p.sex } },
        deviceId: undefined,
        now: new Date("2025-02-10T03:00:00Z"),
      });
    }
    const d = (await get(`/api/satisfaction/dashboard?campaignId=${weighted}&period=2025-Q1`, leader)).json();
    expect(d.weighted).toMatchObject({ respondents: 24, unweightedRate: 66.67, attributes: ["sex", "ageBand"] });
    expect(d.weighted.rate).toBeGreaterThan(d.weighted.unweightedRate);
    expect(d.weighted.effectiveN).toBeLessThan(24);
    // Its 95% interval accounts for the weights: wider than the unweighted rate's on the same 24 people.
    expect(d.weighted.low).toBeLessThan(d.weighted.rate);
    expect(d.weighted.high).toBeGreaterThan(d.weighted.rate);
    const plain = wilsonInterval(16, 24)!;
    expect(d.weighted.high - d.weighted.low).toBeGreaterThan(plain.high - plain.low);
    const xlsx = await get(`/api/satisfaction/dashboard.xlsx?campaignId=${weighted}&period=2025-Q1`, leader, "en");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = book.getWorksheet("Overall")!.getRow(6);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(8).value, row.getCell(9).value, row.getCell(10).value]).toEqual([
      "By respondents, weighted to the population",
      24,
      d.weighted.rate,
      d.weighted.low,
      d.weighted.high,
    ]);

    const opinion = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: communeA, content: "Cán bộ hướng dẫn tận tình, cảm ơn." } });
    expect(opinion.statusCode).toBe(201);
    await t.db.updateTable("opinions").set({ rating: 5, rated_at: "2025-02-11T03:00:00Z" }).where("unit_id", "=", communeA).execute();
    const again = (await get(`/api/satisfaction/dashboard?campaignId=${weighted}&period=2025-Q1`, leader)).json();
    expect(again.opinionRatings).toMatchObject({ n: 1, distribution: [0, 0, 0, 0, 1], rate: null, isSuppressed: true });
    expect(again.overall.instances.n).toBe(24);
  });

  it("exports every table as XLSX with the same numbers", async () => {
    const response = await get(`/api/satisfaction/dashboard.xlsx?campaignId=${campaignId}&period=2025-Q1`, leader);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Theo yếu tố",
      "Theo câu hỏi",
      "Theo đơn vị",
      "Theo cấp",
      "Theo lĩnh vực công tác",
      "Xếp hạng trong cấp",
      "Theo tháng",
      "Đơn vị × câu hỏi",
    ]);
    const overall = workbook.getWorksheet("Tổng hợp")!;
    expect(overall.getRow(2).getCell(2).value).toBe("Số ý kiến hợp lệ (n)");
    expect(overall.getRow(3).getCell(2).value).toBe(64);
    const units = workbook.getWorksheet("Theo đơn vị")!;
    const names = units.getColumn(1).values.slice(3);
    expect(names).toEqual(expect.arrayContaining(["Công an xã Thiệu Hóa", "Công an xã Thiệu Tiến"]));
    expect(units.getRow(3).getCell(8).value === "Dưới n tối thiểu" || units.getRow(4).getCell(8).value === "Dưới n tối thiểu").toBe(true);
  });

  it("gives figures by unit level and by field of work, and ranks a whole level regardless of parent", async () => {
    const division = (await createTestUnit(t.db, { parentId: provinceId, levelCode: "division", name: "Phòng Cảnh sát giao thông" })).id;
    const hamlet = (await createTestUnit(t.db, { parentId: division, name: "Công an xã Thiệu Long" })).id;
    const units = [
      { unitId: district, fieldCode: "administrative" },
      { unitId: communeA, fieldCode: "administrative" },
      { unitId: communeB, fieldCode: "local" },
      { unitId: division, fieldCode: "traffic" },
      { unitId: hamlet, fieldCode: "traffic" },
    ];
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/surveys/campaigns",
      payload: campaignBody([], { units: [{ unitId: communeA, fieldCode: "astrology" }] }),
      headers: { cookie: leader },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "survey.field_unknown", field: "units" });
    const fieldList = (await get("/api/surveys/fields-of-work", leader)).json().items;
    expect(fieldList.map((f: { code: string }) => f.code)).toEqual(["administrative", "security", "criminal", "order", "traffic", "fire", "local"]);
    const created = await createCampaignAs(t.app, leader, campaignBody([], { units, startsOn: "2024-10-01" }));
    expect(created.units.find((u) => u.unitId === division)?.fieldCode).toBe("traffic");
    const tagged = created.id;
    const say = async (unitId: string, day: string, level: number) =>
      submitSurveyResponse({
        db: t.db,
        campaignId: tagged,
        unitId,
        input: { clientKey: randomUUID(), answers: { security: level, duties: level } },
        deviceId: undefined,
        now: new Date(`${day}T03:00:00Z`),
      });
    // The former district's 10 answers (Q1 2025, satisfied) count at commune level, through commune A.
    for (let i = 0; i < 10; i++) await say(district, "2025-01-10", 5);
    for (let i = 0; i < 12; i++) await say(communeA, "2025-02-10", i < 6 ? 4 : 2);
    for (let i = 0; i < 4; i++) await say(communeB, "2025-02-10", 1);
    for (let i = 0; i < 11; i++) await say(hamlet, "2025-03-10", 4);
    for (let i = 0; i < 3; i++) await say(division, "2025-03-10", 3);
    const d = (await get(`/api/satisfaction/dashboard?campaignId=${tagged}&period=2025-Q1`, leader)).json();
    const level = (code: string) => d.levels.find((l: { levelCode: string }) => l.levelCode === code);
    // Commune level: district 20 + A 24 + B 8 + hamlet 22 answers, 37 people.
    expect(level("commune")).toMatchObject({ n: 74, responses: 37, distribution: [8, 12, 0, 34, 20], name: "Công an xã, phường, đặc khu" });
    expect(level("commune").rate).toBeCloseTo((100 * 54) / 74, 2);
    // The division's 3 respondents: below the minimum n, suppressed.
    expect(level("division")).toMatchObject({ n: 6, responses: 3, rate: null, isSuppressed: true, band: null });
    const field = (code: string) => d.fields.find((f: { fieldCode: string }) => f.fieldCode === code);
    expect(field("administrative")).toMatchObject({ n: 44, responses: 22, distribution: [0, 12, 0, 12, 20] });
    expect(field("traffic")).toMatchObject({ n: 28, responses: 14, distribution: [0, 0, 6, 22, 0] });
    expect(field("local")).toMatchObject({ n: 8, rate: null, isSuppressed: true });
    expect(d.fields.map((f: { fieldCode: string }) => f.fieldCode)).toEqual(["administrative", "traffic", "local"]);
    // All communes ranked together, whatever their parent, listed by rate; B is suppressed and unranked. The
    // hamlet (100%) and A (32 of 44) have overlapping intervals: each may be 1st or 2nd.
    const communes = d.levelRanking.find((l: { levelCode: string }) => l.levelCode === "commune");
    const rankOf = (id: string) => communes.units.find((u: { unitId: string }) => u.unitId === id)?.rank;
    expect(communes.units.map((u: { unitId: string }) => u.unitId)).toEqual([hamlet, communeA, communeB]);
    expect(rankOf(communeB)).toBeNull();
    expect(rankOf(hamlet)).toEqual({ best: 1, worst: 2 });
    expect(rankOf(communeA)).toEqual({ best: 1, worst: 2 });
    expect(communes.units.find((u: { unitId: string }) => u.unitId === communeA)).toMatchObject({ n: 44, responses: 22 });

    // The next quarter has nothing yet: Q1 is its previous period, summed in SQL as one row per unit.
    const next = (await get(`/api/satisfaction/dashboard?campaignId=${tagged}&period=2025-Q2`, leader)).json();
    const communesNext = next.levels.find((l: { levelCode: string }) => l.levelCode === "commune");
    expect(communesNext).toMatchObject({ n: 0, rate: null, previousN: 74, change: null });
    expect(communesNext.previousRate).toBeCloseTo((100 * 54) / 74, 2);
    expect(next.fields.find((f: { fieldCode: string }) => f.fieldCode === "administrative")).toMatchObject({ n: 0, previousN: 44 });
    const en = (await get(`/api/satisfaction/dashboard?campaignId=${tagged}&period=2025-Q1`, leader, "en")).json();
    expect(en.fields[0].name).toContain("Administrative procedures");
    const xlsx = await get(`/api/satisfaction/dashboard.xlsx?campaignId=${tagged}&period=2025-Q1`, leader, "en");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const byLevel = workbook.getWorksheet("By level")!;
    expect(byLevel.getRow(3).getCell(1).value).toBe("Provincial division");
    expect(byLevel.getRow(3).getCell(8).value).toBe("Below minimum n");
    expect(byLevel.getRow(4).getCell(1).value).toBe("Commune-level police");
    expect(byLevel.getRow(4).getCell(2).value).toBe(74);
    const byField = workbook.getWorksheet("By field of work")!;
    expect(byField.getColumn(1).values.slice(3)).toEqual([en.fields[0].name, en.fields[1].name, en.fields[2].name]);
    expect(byField.getRow(3).getCell(2).value).toBe(44);
    const ranking = workbook.getWorksheet("Ranking within level")!;
    expect(ranking.getColumn(2).values.slice(3)).toEqual(expect.arrayContaining(["Công an xã Thiệu Long", "Công an xã Thiệu Hóa"]));
    const rankColumn = (ranking.getRow(2).values as unknown[]).indexOf("Rank range (by the 95% intervals)");
    const rankIn = (name: string) => ranking.getRows(3, ranking.rowCount - 2)!.find((r) => r.getCell(2).value === name)?.getCell(rankColumn).value;
    expect([rankIn("Công an xã Thiệu Long"), rankIn("Công an xã Thiệu Hóa")]).toEqual(["1–2", "1–2"]);
    // The units sheet is a ranking too: listed by rate, units without one last.
    const byUnit = workbook.getWorksheet("By unit")!;
    const unitRates = byUnit.getColumn(8).values.slice(3).map((v) => (typeof v === "number" ? v : -1));
    expect(unitRates.filter((r) => r >= 0).length).toBeGreaterThan(1);
    expect(unitRates).toEqual([...unitRates].sort((a, b) => b - a));
  });
});
