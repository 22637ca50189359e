/**
 * A fingerprint of everything `next build` reads, so `npm start` rebuilds exactly when the
 * sources changed since the last build (and never serves a stale one).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "lib", "content", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next"]);

function walk(file: string, out: string[]): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) {
    for (const entry of readdirSync(file).sort()) {
      if (!SKIP_DIRS.has(entry)) walk(path.join(file, entry), out);
    }
  } else {
    out.push(file);
  }
}

/** SHA-256 over the paths and contents of the build inputs under `root`. */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export const BUILD_HASH_FILE = ".next/source-hash";

/** True when `.next` holds a production build of exactly the current sources. */
export function buildIsCurrent(root: string): boolean {
  const file = path.join(root, BUILD_HASH_FILE);
  return existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(file) && readFileSync(file, "utf8") === sourceHash(root);
}
