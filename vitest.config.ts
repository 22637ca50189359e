/**
 * Test projects:
 *   unit           pure logic, no database
 *   db:pglite      integration tests on the embedded PostgreSQL (always)
 *   db:postgres    the same tests on a real PostgreSQL server, when one answers
 *   app            the production app started like `npm start` does, driven over HTTP and in Chromium
 */
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { POSTGRES_ADMIN_URL, postgresServerAvailable } from "./tests/setup/postgres-server.ts";

export default defineConfig(async () => {
  const withPostgres = await postgresServerAvailable();
  // The config is evaluated once per project and worker; say it once.
  if (!process.env.GUIDES_DB_NOTE_SHOWN) {
    process.env.GUIDES_DB_NOTE_SHOWN = "1";
    console.log(
      withPostgres
      ? `Integration tests run on the embedded PGlite and on the PostgreSQL server at ${new URL(POSTGRES_ADMIN_URL).host}.`
        : `No PostgreSQL server answered at ${new URL(POSTGRES_ADMIN_URL).host}: integration tests run on the embedded PGlite only.`,
    );
  }
  const shared = {
    resolve: { tsconfigPaths: true, alias: { "server-only": path.resolve("tests/setup/server-only-stub.ts") } },
  };
  const dbProject = (target: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
    ...shared,
    test: {
      name: `db:${target}`,
      include: ["tests/db/**/*.test.ts"],
      env: { DB_TARGET: target, NODE_ENV: "test" },
      globalSetup: ["tests/setup/db-global.ts"],
      setupFiles: ["tests/setup/db-env.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
  const projects: TestProjectInlineConfiguration[] = [
    { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/content/**/*.test.ts", "tests/content/**/*.test.tsx", "tests/sim/**/*.test.ts"], env: { NODE_ENV: "test", NEXTAUTH_SECRET: "unit-test-secret-unit-test-secret-0123" } } },
    dbProject("pglite"),
    ...(withPostgres ? [dbProject("postgres")] : []),
    {
      ...shared,
      test: {
        name: "app",
        include: ["tests/app/**/*.test.ts"],
        globalSetup: ["tests/setup/app-global.ts"],
        testTimeout: 60_000,
        hookTimeout: 300_000,
        // Pages answer over a real server and browser: wait up to 10 s for a polled condition.
        expect: { poll: { timeout: 10_000 } },
        // One app server for the whole project; files share it, so run them one at a time.
        fileParallelism: false,
      },
    },
  ];
  return { test: { projects } };
});
