/**
 * Random JSON at every API route (fast-check), as a signed-in learner: bodies of random shape, and
 * bodies using the field names the routes do read, with random values; random query strings on
 * GETs. Every answer is a 2xx or 4xx, never a 5xx, and a refused request leaves the learner's own
 * records (progress, attempts) exactly as they were. (A random body is now and then valid, e.g.
 * `{"visited": true}`; its write is legitimate, so the records are compared around each refusal.)
 * next-auth's routes are left out: they are the library's, and a random body must not sign the
 * learner out mid-run.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, MUTATING } from "./helpers/api-routes";
import { newLearner, type Client } from "./helpers/http-client";

/** Field names the API's schemas read, so random values reach the validators' inner checks. */
const FIELDS = ["command", "do", "client", "topic", "expectedVersion", "visited", "read", "section", "at", "helpful", "reason", "comment", "attemptKey", "answers", "name", "email", "password", "guides", "code", "archived", "role", "guide", "lesson", "scenario", "step", "disabled"];

const body = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue(), { maxKeys: 6 }));
const query = fc.dictionary(fc.constantFrom(...FIELDS, "page", "pageSize", "sort", "dir", "q", "phase", "status", "inactiveDays", "scope"), fc.string({ maxLength: 40 }), { maxKeys: 4 });

const routes = apiRoutes().filter((r) => !r.url.startsWith("/api/auth/"));

describe("random JSON at every API route", () => {
  let learner: Client;
  /** The learner's records as last read. */
  let records: string[];
  const ownRecords = async () => Promise.all(["/api/me/progress", "/api/me/attempts"].map(async (p) => (await learner.request(p)).text()));

  beforeAll(async () => {
    learner = (await newLearner("fuzz")).client;
    records = await ownRecords();
  });

  const mutations = routes.flatMap((r) => r.methods.filter((m) => (MUTATING as readonly string[]).includes(m)).map((m) => [m, r.url] as const));
  it.each(mutations)("%s %s: only 2xx or 4xx", async (method, url) => {
    await fc.assert(
      fc.asyncProperty(body, async (json) => {
        const res = await learner.request(url, { method, body: JSON.stringify(json), headers: { "content-type": "application/json" } });
        await res.arrayBuffer();
        const what = `${method} ${url} ${JSON.stringify(json).slice(0, 200)}`;
        expect(res.status, what).toBeLessThan(500);
        const now = await ownRecords();
        if (res.status >= 400) expect(now, `${what} was refused but wrote`).toEqual(records);
        records = now;
      }),
      { numRuns: 20 },
    );
  });

  const gets = routes.filter((r) => r.methods.includes("GET")).map((r) => r.url);
  it.each(gets)("GET %s with a random query: only 2xx or 4xx", async (url) => {
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const res = await learner.request(`${url}?${new URLSearchParams(params).toString()}`);
        await res.arrayBuffer();
        expect(res.status, `${url}?${new URLSearchParams(params).toString()}`).toBeLessThan(500);
      }),
      { numRuns: 15 },
    );
  });
});
