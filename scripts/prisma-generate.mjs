#!/usr/bin/env node
// Runs `prisma generate` without network access.
//
// Generating the client needs no schema engine, but the CLI still tries to download the native
// `schema-engine` binary first and aborts when it cannot. Pointing PRISMA_SCHEMA_ENGINE_BINARY at
// any existing executable skips that download; the binary is never run by `generate`.
// Migrations use the WebAssembly schema engine instead (scripts/db/schema-engine.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
