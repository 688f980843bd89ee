import type { TestProject } from "vitest/node";
import { createTestDatabaseTemplates } from "./db.ts";

/**
 * Once per run, before any server suite: migrates one database per engine for the test files to copy, instead
 * of every file migrating its own; removes them at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { templates, remove } = await createTestDatabaseTemplates();
  project.provide("testDatabaseTemplates", templates);
  return remove;
}
