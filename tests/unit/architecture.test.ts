/**
 * Rules about where code may do what, checked over the source tree.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx|js|mjs)$/.test(entry) ? [file] : [];
  });
}

const appCode = [...sources("app"), ...sources("lib"), "proxy.ts"];
// lib/sim is a pure engine with its own rules (tests/sim/purity.test.ts): it touches no data and
// runs anywhere, so the server-only and server-action rules below do not apply to its files.
const serverCode = appCode.filter((f) => !f.startsWith(path.join("lib", "sim") + path.sep));

describe("architecture", () => {
  it("should construct a PrismaClient only in lib/db.ts", () => {
    const offenders = [...appCode, ...sources("scripts")].filter((f) => /new PrismaClient\(/.test(readFileSync(f, "utf8")) && f !== path.join("lib", "db.ts"));
    expect(offenders).toEqual([]);
  });

  it("should read process.env only in lib/env.js", () => {
    const offenders = appCode.filter((f) => f !== path.join("lib", "env.js") && /process\.env/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("should never build SQL from strings", () => {
    const offenders = [...appCode, ...sources("scripts")].filter((f) => /\$(query|execute)RawUnsafe|Prisma\.raw\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("should mark every data-access module server-only", () => {
    const dataAccess = serverCode.filter((f) => /lib\/.*(queries|db|sessions|password|sign-up|update-user|authenticate|rate-limit|config|load|source|submit|merge|identity|signing|attempt-key|guest-cookie|record|rate|merge-sql)\.ts$/.test(f));
    expect(dataAccess.length).toBeGreaterThan(5);
    for (const file of dataAccess) expect(readFileSync(file, "utf8"), file).toMatch(/^import "server-only";$/m);
  });

  it("should start every server action module with 'use server'", () => {
    for (const file of serverCode.filter((f) => f.endsWith("actions.ts"))) {
      expect(readFileSync(file, "utf8").startsWith('"use server";'), file).toBe(true);
    }
  });
});
