/**
 * Launcher for `npm run sim` (source: scripts/sim.ts). The runner must answer in well under a
 * second, and tsx alone takes most of that to start here, so the runner is bundled once with
 * esbuild into node_modules/.cache and rebuilt only when a file of lib/sim or the runner changed.
 */
import { mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, "scripts/sim.ts");
const bundle = path.join(root, "node_modules/.cache/guides-sim/sim.mjs");

function newestSource() {
  const files = readdirSync(path.join(root, "lib/sim"), { recursive: true })
    .filter((f) => String(f).endsWith(".ts"))
    .map((f) => path.join(root, "lib/sim", String(f)));
  return Math.max(...[entry, ...files].map((f) => statSync(f).mtimeMs));
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

if (bundleTime() < newestSource()) {
  const { build } = await import("esbuild");
  mkdirSync(path.dirname(bundle), { recursive: true });
  // Written aside, then renamed: a concurrent run never imports a half-written file.
  const temp = `${bundle}.${process.pid}.tmp.mjs`;
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", outfile: temp, alias: { "@": root }, logLevel: "error" });
  renameSync(temp, bundle);
}
await import(pathToFileURL(bundle).href);
