/**
 * CSRF and method safety over every API route, found by reading app/api (a new route is covered
 * without touching this file): each mutating method refuses a request from another site (403,
 * before it reads anything), and a route without GET answers GET with 405.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Client } from "./helpers/http-client";

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** Values for dynamic segments: well-formed, so a route that got past the origin check would act. */
const PARAMS: Record<string, string> = {
  "[id]": "00000000-0000-4000-8000-000000000001",
  "[userId]": "00000000-0000-4000-8000-000000000002",
  "[guide]": "kafka",
  "[lesson]": "the-log",
  "[...nextauth]": "signout",
};

interface Route {
  url: string;
  methods: string[];
}

function routes(dir = path.join("app", "api")): Route[] {
  return readdirSync(dir).flatMap((entry): Route[] => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return routes(file);
    if (entry !== "route.ts") return [];
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/^export (?:async function|function|const) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]!);
    const segments = path.relative("app", dir).split(path.sep).map((s) => PARAMS[s] ?? s);
    return [{ url: `/${segments.join("/")}`, methods }];
  });
}

const all = routes();

describe("method safety", () => {
  it("finds the API routes", () => {
    expect(all.length).toBeGreaterThan(25);
    expect(all.find((r) => r.url === "/api/users")?.methods).toEqual(["POST"]);
  });

  const mutations = all.flatMap((r) => r.methods.filter((m) => (MUTATING as readonly string[]).includes(m)).map((m) => [m, r.url] as const));
  it.each(mutations)("%s %s from another site: 403", async (method, url) => {
    const res = await new Client().request(url, { method, json: {}, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe("FORBIDDEN");
  });

  it.each(mutations)("%s %s marked cross-site by the browser (Sec-Fetch-Site): 403", async (method, url) => {
    const res = await new Client().request(url, { method, json: {}, headers: { "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(403);
  });

  const noGet = all.filter((r) => !r.methods.includes("GET")).map((r) => r.url);
  it.each(noGet)("GET %s: 405", async (url) => {
    const res = await new Client().request(url);
    expect(res.status).toBe(405);
  });
});
