/**
 * CSRF and method safety over every API route, found by reading app/api (a new route is covered
 * without touching this file): each mutating method refuses a request from another site (403,
 * before it reads anything), and a route without GET answers GET with 405.
 */
import { describe, expect, it } from "vitest";
import { apiRoutes, MUTATING } from "./helpers/api-routes";
import { Client } from "./helpers/http-client";

const all = apiRoutes();

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
