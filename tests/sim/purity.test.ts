/**
 * lib/sim is a pure engine: no React, Next, Prisma, server-only or Node imports, nothing from the
 * rest of lib/, and no wall clock or Math.random (kafka-semantics and the simulator issue).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.join("lib", "sim");
const files = readdirSync(DIR, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(DIR, f));

describe("lib/sim purity", () => {
  it("has modules to check", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)("%s imports only lib/sim modules and zod", (file) => {
    const specifiers = [...readFileSync(file, "utf8").matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
    for (const spec of specifiers) {
      const inside = spec.startsWith("./") || spec.startsWith("../") ? path.normalize(path.join(path.dirname(file), spec)).startsWith(DIR) : spec.startsWith("@/lib/sim/");
      expect(inside || spec === "zod", `${file} imports ${spec}`).toBe(true);
    }
  });

  it.each(files)("%s uses no wall clock, Math.random or process", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|performance\.now|process\.|setTimeout|setInterval|require\(/);
  });
});
