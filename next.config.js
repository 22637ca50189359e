// Validates the environment before anything else runs (build, start or dev).
import "./lib/env.js";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import { securityHeaders } from "./lib/http/security-headers.js";

/** @type {(phase: string) => import("next").NextConfig} */
const config = (phase) => ({
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
  // On every response, pages, API, 404s and errors alike (lib/http/security-headers.js).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }) }];
  },
});

export default config;
