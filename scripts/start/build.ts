/**
 * `npm run build`: the production build, recorded with the fingerprint of its sources so that
 * `npm start` serves it without building again.
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_HASH_FILE, sourceHash } from "./build-hash";
import { run } from "./processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

/** Runs `next build` and records which sources it built. */
export async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  const hash = sourceHash(root);
  await run(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { NEXT_TELEMETRY_DISABLED: "1", ...env });
  writeFileSync(path.join(root, BUILD_HASH_FILE), hash);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildApp(process.env).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
