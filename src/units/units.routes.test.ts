import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit } from "../../test/factories.ts";
import { todayInVietnam } from "../text/dates.ts";
import { isInSubtree, listActiveUnits, listSubtreeIds, listSubtreeUnits, type UnitSummary } from "./units.service.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();


describe.each(ENGINES)("units on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  // Thanh Hóa province: the district of Thiệu Hóa ceased on 28/02/2025 (its communes then moved up);
  // a commune that starts in 2999 does not exist yet.
  let province: { id: string; name: string };
  let otherProvince: { id: string; name: string };
  let division: { id: string; name: string };
  let communeD: { id: string; name: string };
  let communeDj: { id: string; name: string };
  let communeE: { id: string; name: string };
  let communeA: { id: string; name: string };
  let oldDistrict: { id: string; name: string };
  let oldCommune: { id: string; name: string };
  let futureCommune: { id: string; name: string };
  let nestedPost: { id: string; name: string };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db, { name: "Công an tỉnh Thanh Hóa" });
    otherProvince = await createTestUnit(t.db, { name: "Công an tỉnh Đắk Lắk" });
    // Inserted out of order on purpose: the list must not follow insertion order.
    communeE = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Em" });
    communeDj = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Đông Sơn" });
    communeA = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Ấp Bắc" });
    communeD = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Dương Hòa" });
    division = await createTestUnit(t.db, { parentId: province.id, levelCode: "division", name: "Phòng Cảnh sát giao thông" });
    nestedPost = await createTestUnit(t.db, { parentId: communeDj.id, levelCode: "post", name: "Trạm Cầu Đông" });
    oldDistrict = await createTestUnit(t.db, {
      parentId: province.id,
      levelCode: "district",
      name: "Công an huyện Thiệu Hóa",
      validFrom: "1976-01-01",
      validTo: "2025-02-28",
    });
    oldCommune = await createTestUnit(t.db, {
      parentId: oldDistrict.id,
      name: "Công an xã Thiệu Toán",
      validFrom: "1976-01-01",
      validTo: "2025-02-28",
    });
    futureCommune = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Tương Lai", validFrom: "2999-01-01" });
  });
  afterAll(() => t.close());

  const listUnits = async (headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: "/api/units", headers });
    expect(response.statusCode).toBe(200);
    return response.json().items as UnitSummary[];
  };

  describe("GET /api/units", () => {
    it("lists only the units valid today: not one that ended on 28/02/2025, not one that starts in the future", async () => {
      const ids = (await listUnits()).map((u) => u.id);
      for (const unit of [province, otherProvince, division, communeA, communeD, communeDj, communeE, nestedPost]) {
        expect(ids).toContain(unit.id);
      }
      for (const unit of [oldDistrict, oldCommune, futureCommune]) expect(ids).not.toContain(unit.id);
      expect(ids).toHaveLength(8);
    });

    it("keeps a unit whose period ends today, and one that began today", async () => {
      const today = todayInVietnam();
      const post = { parentId: otherProvince.id, levelCode: "post" };
      const lastDay = await createTestUnit(t.db, { ...post, name: "Đồn ngày cuối", validFrom: "2020-01-01", validTo: today });
      const firstDay = await createTestUnit(t.db, { ...post, name: "Đồn ngày đầu", validFrom: today });
      try {
        const ids = (await listUnits()).map((u) => u.id);
        expect(ids).toContain(lastDay.id);
        expect(ids).toContain(firstDay.id);
      } finally {
        await t.db.deleteFrom("units").where("id", "in", [lastDay.id, firstDay.id]).execute();
      }
    });

    it("puts every parent before its children (a depth-first walk)", async () => {
      const items = await listUnits();
      const index = new Map(items.map((u, i) => [u.id, i]));
      for (const [i, unit] of items.entries()) {
        if (unit.parentId) expect(index.get(unit.parentId)).toBeLessThan(i);
      }
      // Each subtree is contiguous: the post follows its commune directly.
      expect(index.get(nestedPost.id)).toBe(index.get(communeDj.id)! + 1);
    });

    it("sorts siblings in Vietnamese alphabetical order (Đ after D, before E), higher levels first", async () => {
      const items = await listUnits();
      expect(items.filter((u) => u.parentId === null).map((u) => u.name)).toEqual([
        "Công an tỉnh Đắk Lắk",
        "Công an tỉnh Thanh Hóa",
      ]);
      expect(items.filter((u) => u.parentId === province.id).map((u) => u.name)).toEqual([
        "Phòng Cảnh sát giao thông",
        "Công an xã Ấp Bắc",
        "Công an xã Dương Hòa",
        "Công an xã Đông Sơn",
        "Công an xã Em",
      ]);
    });

    it("names each level in Vietnamese by default", async () => {
      const items = await listUnits();
      const byId = new Map(items.map((u) => [u.id, u]));
      expect(byId.get(province.id)).toEqual({
        id: province.id,
        name: "Công an tỉnh Thanh Hóa",
        shortName: "Công an tỉnh Thanh Hóa",
        levelCode: "province",
        levelName: "Công an tỉnh, thành phố",
        parentId: null,
        areaCode: null,
      });
      expect(byId.get(communeD.id)).toMatchObject({ levelName: "Công an xã, phường, đặc khu", parentId: province.id });
    });

    it.each([
      ["Accept-Language: en", { "accept-language": "en-US,en;q=0.8" }, ""],
      ["?lang=en", {}, "?lang=en"],
    ])("names each level in English with %s", async (_label, headers, query) => {
      const response = await t.app.inject({ url: `/api/units${query}`, headers });
      const byId = new Map((response.json().items as UnitSummary[]).map((u) => [u.id, u]));
      expect(byId.get(province.id)?.levelName).toBe("Provincial police");
      expect(byId.get(division.id)?.levelName).toBe("Provincial division");
      expect(byId.get(communeD.id)?.levelName).toBe("Commune-level police");
      expect(byId.get(province.id)?.name).toBe("Công an tỉnh Thanh Hóa");
    });

    it("lets browsers and proxies cache the public list for a while", async () => {
      const response = await t.app.inject({ url: "/api/units" });
      expect(response.headers["cache-control"]).toBe("public, max-age=300");
    });

    it("lists the units of any other day through the service (the old district existed on 01/01/2025)", async () => {
      const items = await listActiveUnits({ db: t.db, lang: "vi", day: "2025-01-01" });
      const ids = items.map((u) => u.id);
      expect(ids).toContain(oldDistrict.id);
      expect(ids.indexOf(oldCommune.id)).toBe(ids.indexOf(oldDistrict.id) + 1);
      expect(items.find((u) => u.id === oldDistrict.id)?.levelName).toBe("Công an huyện (đến 28/02/2025)");
      expect(ids).not.toContain(futureCommune.id);
    });
  });

  describe("subtree scopes", () => {
    it("counts a unit as in its own subtree", async () => {
      expect(await isInSubtree({ db: t.db, rootId: communeD.id, unitId: communeD.id })).toBe(true);
    });

    it("finds children and grandchildren, including a unit that no longer exists", async () => {
      for (const unitId of [communeD.id, nestedPost.id, oldDistrict.id, oldCommune.id, futureCommune.id]) {
        expect(await isInSubtree({ db: t.db, rootId: province.id, unitId })).toBe(true);
      }
      expect(await isInSubtree({ db: t.db, rootId: oldDistrict.id, unitId: oldCommune.id })).toBe(true);
      expect(await isInSubtree({ db: t.db, rootId: communeDj.id, unitId: nestedPost.id })).toBe(true);
    });

    it("does not look upwards, sideways, into another province or at unknown units", async () => {
      const cases: [string, string][] = [
        [communeD.id, province.id],
        [nestedPost.id, communeDj.id],
        [communeD.id, communeDj.id],
        [communeD.id, nestedPost.id],
        [oldDistrict.id, communeD.id],
        [oldCommune.id, oldDistrict.id],
        [otherProvince.id, communeD.id],
        [province.id, otherProvince.id],
        [province.id, "00000000-0000-4000-8000-000000000000"],
        ["00000000-0000-4000-8000-000000000000", province.id],
      ];
      for (const [rootId, unitId] of cases) {
        expect(await isInSubtree({ db: t.db, rootId, unitId }), `${rootId} ⊇ ${unitId}`).toBe(false);
      }
    });

    it("lists the ids of a subtree at every date, historical units included", async () => {
      const ids = await listSubtreeIds({ db: t.db, rootId: province.id });
      expect([...ids].sort()).toEqual(
        [province, division, communeA, communeD, communeDj, communeE, nestedPost, oldDistrict, oldCommune, futureCommune]
          .map((u) => u.id)
          .sort(),
      );
      expect([...(await listSubtreeIds({ db: t.db, rootId: oldDistrict.id }))].sort()).toEqual(
        [oldDistrict.id, oldCommune.id].sort(),
      );
      expect(await listSubtreeIds({ db: t.db, rootId: nestedPost.id })).toEqual([nestedPost.id]);
      expect(await listSubtreeIds({ db: t.db, rootId: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    });

    it("agrees with listSubtreeIds for every pair of units", async () => {
      const all = [province, otherProvince, division, communeD, communeDj, nestedPost, oldDistrict, oldCommune];
      for (const root of all) {
        const subtree = new Set(await listSubtreeIds({ db: t.db, rootId: root.id }));
        for (const unit of all) {
          expect(await isInSubtree({ db: t.db, rootId: root.id, unitId: unit.id })).toBe(subtree.has(unit.id));
        }
      }
    });
  });
});

describe.each(ENGINES)("the unit tree in memory on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(() => t.close());

  it("keeps the unit tree in memory only while no unit or successor changes, whoever changes it", async () => {
    const root = await createTestUnit(t.db, { name: "Công an tỉnh Bộ Nhớ" });
    const first = await createTestUnit(t.db, { parentId: root.id });
    const ids = async () => (await listSubtreeUnits({ db: t.db, rootId: root.id })).map((u) => u.id).sort();
    expect(await ids()).toEqual([root.id, first.id].sort());
    // Written straight to the tables, as another app instance or the CLI would.
    const second = await createTestUnit(t.db, { parentId: first.id, levelCode: "post" });
    expect(await ids()).toEqual([root.id, first.id, second.id].sort());
    await t.db.insertInto("unit_successors").values({ unit_id: second.id, successor_id: first.id }).execute();
    const withSuccessor = await listSubtreeUnits({ db: t.db, rootId: root.id });
    expect(withSuccessor.find((u) => u.id === second.id)?.successorIds).toEqual([first.id]);
    await t.db.updateTable("units").set({ parent_id: null }).where("id", "=", second.id).execute();
    expect(await ids()).toEqual([root.id, first.id].sort());
    expect(await listSubtreeUnits({ db: t.db, rootId: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
  });
});
