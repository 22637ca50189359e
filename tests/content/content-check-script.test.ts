import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run content:check", () => {
  it("should report every guide and end with Content OK", () => {
    const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/content-check.ts"], { encoding: "utf8" });
    expect(out).toMatch(/^kafka: \d+ lessons in 3 phases, \d+ min, \d+ quiz questions$/m);
    expect(out).toMatch(/Content OK: 3 guides, \d+ lessons, \d+ quizzes, all links resolve\./);
  }, 30_000);
});
