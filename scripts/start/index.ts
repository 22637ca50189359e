/**
 * `npm start` (and `npm run dev` with --dev): everything a newcomer needs, in order.
 *   1. validate the environment;
 *   2. without DATABASE_URL, start the embedded PostgreSQL (PGlite) as its own process on ./data,
 *      restarted on the same port if it dies;
 *   3. apply pending migrations; seed the demo accounts on an empty database;
 *   4. build the production app when no current build exists (skipped with --dev);
 *   5. serve it (`next start`, or `next dev` with --dev) and print the URL.
 * SIGINT/SIGTERM stop the web server first, then the database, so no write is lost.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawn, type ChildProcess } from "node:child_process";
import { z } from "zod";
import { parseEnv } from "../../lib/env.js";
import { analyzeDatabase } from "../db/analyze";
import { applyMigrations } from "../db/migrations";
import { buildIsCurrent } from "./build-hash";
import { buildApp } from "./build";
import { superviseEmbeddedDatabase, type SupervisedDatabase } from "./embedded-supervisor";
import { run, stop, waitForHttp } from "./processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const dev = process.argv.includes("--dev");

const startEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default("data"),
});

function step(message: string) {
  console.log(`\n▸ ${message}`);
}

function fail(message: string): never {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

/** The session-signing secret: NEXTAUTH_SECRET, or one generated once and kept in the data dir. */
function authSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let config: z.infer<typeof startEnv>;
  try {
    parseEnv(process.env);
    config = startEnv.parse(process.env);
  } catch (error) {
    fail(error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") : (error as Error).message);
  }
  const dataDir = path.resolve(root, config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const siteUrl = `http://localhost:${config.PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || siteUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || authSecret(dataDir),
  };

  let database: SupervisedDatabase | undefined;
  let web: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    database?.release();
    await stop(web);
    await database?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (env.DATABASE_URL) {
      step("Using the PostgreSQL server in DATABASE_URL");
    } else {
      step(`Starting the embedded PostgreSQL (data in ${path.join(dataDir, "pg")})`);
      // Through tsx's loader, not its CLI: the CLI would run the database in a child process of its
      // own, and the supervisor must watch (and a crash must kill) the database itself.
      database = await superviseEmbeddedDatabase(
        ["--import", pathToFileURL(require.resolve("tsx")).href, path.join(root, "scripts/db/serve-embedded.ts"), path.join(dataDir, "pg")],
        env,
        stop,
        () => void shutdown(1),
      );
      env.DATABASE_URL = database.url;
    }

    step("Applying database migrations");
    const applied = await applyMigrations(env.DATABASE_URL!);
    console.log(applied.length ? `  applied: ${applied.join(", ")}` : "  already up to date");

    step("Checking seed data");
    await run(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", path.join(root, "scripts/db/seed.ts"), "--if-empty"], env);
    // The embedded database has no autovacuum. It analyses itself when it starts (data from earlier
    // runs); tables just created or migrated here get their statistics now. Only an optimisation,
    // so a failure is reported and the start goes on.
    if (database && applied.length > 0) {
      step("Refreshing the database's planner statistics");
      await analyzeDatabase(env.DATABASE_URL!).catch((error: unknown) => console.warn(`  skipped: ${error instanceof Error ? error.message : String(error)}`));
    }

    const nextBin = require.resolve("next/dist/bin/next");
    if (!dev) {
      if (buildIsCurrent(root)) {
        step("Production build is up to date");
      } else {
        step("Building the app (first start or changed sources; this takes a minute or two)");
        await buildApp(env);
      }
    }

    step(dev ? "Starting the development server" : "Starting the server");
    const args = [nextBin, dev ? "dev" : "start", "-p", String(config.PORT)];
    if (config.HOSTNAME) args.push("-H", config.HOSTNAME);
    web = spawn(process.execPath, args, { stdio: "inherit", env });
    web.on("exit", (code) => {
      if (!stopping) void shutdown(code ?? 1);
    });
    await waitForHttp(`http://127.0.0.1:${config.PORT}/healthz`);
    console.log(`\n✓ Open ${siteUrl} (Ctrl+C stops the server${database ? " and the embedded database" : ""})\n`);
  } catch (error) {
    console.error(`\n✗ ${(error as Error).message}`);
    await shutdown(1);
  }
}

void main();
