// Validates the environment before anything else runs (build, start or dev).
import "./lib/env.js";

/** @type {import("next").NextConfig} */
const config = {
  poweredByHeader: false,
  // Next would hash every page body per request to make an ETag; for prerendered lessons that
  // hashing was the biggest cost of serving them (bench/lesson-page.ts). They are cached by
  // s-maxage and change only with a new build, so no ETag is needed.
  generateEtags: false,
  reactStrictMode: true,
  // pg and the Prisma adapter load native-ish modules at run time; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // `npm run typecheck` (tsc over the whole project, tests included) gates types in CI; checking
  // again inside every `npm start` build would only slow a newcomer's first start.
  typescript: { ignoreBuildErrors: true },
};

export default config;
