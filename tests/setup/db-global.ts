/**
 * Global setup of an integration project: one migrated database for the whole run, on the target
 * named by the project (DB_TARGET), dropped at the end.
 */
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/migrations";
import { createScratchDatabase, type DbTarget } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dbTarget: DbTarget;
  }
}

export default async function setup(project: TestProject) {
  const target = (project.config.env.DB_TARGET ?? "pglite") as DbTarget;
  const db = await createScratchDatabase(target);
  await applyMigrations(db.url);
  project.provide("databaseUrl", db.url);
  project.provide("dbTarget", target);
  return async () => {
    await db.dispose();
  };
}
