import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceHash } from "../../scripts/start/build-hash";

describe("sourceHash (when `npm start` rebuilds)", () => {
  it.each(["instrumentation.ts", "proxy.ts", "next.config.js", "lib/x.ts", "content/g/01-a.mdx"])("changes when %s changes", (file) => {
    const root = mkdtempSync(path.join(tmpdir(), "build-hash-"));
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, "one");
    const before = sourceHash(root);
    writeFileSync(target, "two");
    expect(sourceHash(root)).not.toBe(before);
  });
});
