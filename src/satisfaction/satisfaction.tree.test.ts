import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf, currentUnitOf, type TreeUnit } from "./satisfaction.tree.ts";

const unit = (id: string, parentId: string | null, validTo: string | null = null, successorIds: string[] = []): TreeUnit => ({
  id,
  parentId,
  validTo,
  successorIds,
});

describe("roll-up through the dated unit tree", () => {
  const units = new Map(
    [
      unit("province", null),
      unit("district", "province", "2025-02-28", ["communeA", "communeB"]),
      unit("oldCommune", "district", "2025-06-30", ["communeA"]),
      unit("communeA", "province"),
      unit("communeB", "province"),
      unit("post", "communeB"),
    ].map((u) => [u.id, u]),
  );

  it("hands a historical unit's data to its successor, through several changes", () => {
    expect(currentUnitOf("oldCommune", units)).toBe("communeA");
    expect(currentUnitOf("district", units)).toBe("communeA");
    expect(currentUnitOf("communeB", units)).toBe("communeB");
  });

  it("puts every unit's data in the bucket of the root's child that contains its successor", () => {
    expect(bucketOf("oldCommune", "province", units)).toBe("communeA");
    expect(bucketOf("post", "province", units)).toBe("communeB");
    expect(bucketOf("province", "province", units)).toBe("province");
    expect(bucketOf("post", "communeB", units)).toBe("post");
    expect(bucketOf("communeA", "communeB", units)).toBeUndefined();
  });

  it("assigns each unit's data to exactly one bucket, so buckets sum to the whole", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units.keys()), { maxLength: 50 }), (ids) => {
        const perBucket = new Map<string, number>();
        for (const id of ids) {
          const bucket = bucketOf(id, "province", units);
          expect(bucket).toBeDefined();
          perBucket.set(bucket!, (perBucket.get(bucket!) ?? 0) + 1);
        }
        return [...perBucket.values()].reduce((a, b) => a + b, 0) === ids.length;
      }),
    );
  });
});
