import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentFingerprint } from "@/lib/content/load";

describe("contentFingerprint (development reloads content only when a file changed)", () => {
  it("stays the same while nothing changes, and changes when a file is edited, added or removed", () => {
    const root = mkdtempSync(path.join(tmpdir(), "fingerprint-"));
    mkdirSync(path.join(root, "g"));
    const file = path.join(root, "g", "01-a.mdx");
    writeFileSync(file, "one");
    const first = contentFingerprint(root);
    expect(contentFingerprint(root)).toBe(first);
    writeFileSync(file, "two!");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const edited = contentFingerprint(root);
    expect(edited).not.toBe(first);
    writeFileSync(path.join(root, "g", "02-b.mdx"), "new");
    const added = contentFingerprint(root);
    expect(added).not.toBe(edited);
    rmSync(path.join(root, "g", "02-b.mdx"));
    expect(contentFingerprint(root)).toBe(edited);
  });
});
