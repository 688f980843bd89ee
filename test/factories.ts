import { randomBytes, randomUUID } from "node:crypto";
import type { Role } from "../src/auth/actor.ts";
import { createUser } from "../src/auth/auth.service.ts";
import type { Executor } from "../src/db/index.ts";
import { createUnit } from "../src/units/units.service.ts";

/** Each factory creates its own parents, so tests never share seeded state. */
const suffix = () => randomBytes(3).toString("hex");

/** A unit valid today (or as given); a province of its own unless a parent is given. */
export async function createTestUnit(
  db: Executor,
  overrides: Partial<{ name: string; levelCode: string; parentId: string | null; validFrom: string; validTo: string | null }> = {},
) {
  const id = randomUUID();
  const name = overrides.name ?? `Công an xã Thử Nghiệm ${suffix()}`;
  await createUnit({
    db,
    unit: {
      id,
      name,
      shortName: name,
      levelCode: overrides.levelCode ?? (overrides.parentId ? "commune" : "province"),
      parentId: overrides.parentId ?? null,
      validFrom: overrides.validFrom ?? "2025-07-01",
      validTo: overrides.validTo ?? null,
    },
  });
  return { id, name };
}

/** The password every test user has. */
export const TEST_PASSWORD = "mật-khẩu-thử-nghiệm-1";

/** A user of `role` in `unitId` (a new unit when none is given). */
export async function createTestUser(db: Executor, { role = "officer", unitId }: { role?: Role; unitId?: string } = {}) {
  const unit = unitId ?? (await createTestUnit(db)).id;
  const username = `${role}.${suffix()}`;
  const id = await createUser({
    db,
    user: { username, displayName: `Cán bộ ${username}`, password: TEST_PASSWORD, unitId: unit, role },
  });
  return { id, username, unitId: unit, role };
}
