/**
 * Every API route of the app, found by reading app/api (so a new route is covered by the tests
 * that use this without touching them): its URL with well-formed values for dynamic segments, and
 * the HTTP methods its route.ts exports.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** Values for dynamic segments: well-formed, so a request that got past the checks would act. */
const PARAMS: Record<string, string> = {
  "[id]": "00000000-0000-4000-8000-000000000001",
  "[userId]": "00000000-0000-4000-8000-000000000002",
  "[guide]": "kafka",
  "[lesson]": "the-log",
  "[...nextauth]": "signout",
};

export interface ApiRoute {
  url: string;
  methods: string[];
}

export function apiRoutes(dir = path.join("app", "api")): ApiRoute[] {
  return readdirSync(dir).flatMap((entry): ApiRoute[] => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return apiRoutes(file);
    if (entry !== "route.ts") return [];
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/^export (?:async function|function|const) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]!);
    const segments = path.relative("app", dir).split(path.sep).map((s) => PARAMS[s] ?? s);
    return [{ url: `/${segments.join("/")}`, methods }];
  });
}
