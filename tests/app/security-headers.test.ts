/**
 * Every kind of response carries the security headers (lib/http/security-headers.js): a
 * prerendered lesson, a dynamic page, the proxy's redirect, a static and a dynamic API answer,
 * API errors (400, 401, 404, 405, 413), the 404 page and /healthz. The policy is one fixed string,
 * so lesson pages stay static (no per-request nonce).
 */
import { describe, expect, it } from "vitest";
import { Client } from "./helpers/http-client";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  // `npm start` runs a production build.
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]));
}

describe("security headers", () => {
  const cases: [string, string, RequestInit & { json?: unknown }, number][] = [
    ["prerendered lesson", "/guides/kafka/the-log", {}, 200],
    ["dynamic page", "/me", {}, 200],
    ["sign-in page", "/sign-in", {}, 200],
    ["proxy redirect", "/instructor/cohorts", {}, 307],
    ["static API", "/api/sim/completions", {}, 200],
    ["dynamic API, signed out", "/api/me", {}, 401],
    ["API, bad input", "/api/users", { method: "POST", json: { name: "" } }, 400],
    ["API, unknown lesson", "/api/guides/kafka/lessons/no-such-lesson/quiz", {}, 404],
    ["API, wrong method", "/api/users", {}, 405],
    ["API, body too large", "/api/users", { method: "POST", json: { name: "x".repeat(20_000) } }, 413],
    ["404 page", "/no-such-page", {}, 404],
    ["healthz", "/healthz", {}, 200],
  ];

  it.each(cases)("on a %s (%s)", async (_kind, path, init, status) => {
    const res = await new Client().request(path, init);
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(EXPECTED)) expect(res.headers.get(name), name).toBe(value);
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("default-src")).toBe("'self'");
    // No eval in production, and no per-request nonce (static pages could not carry it).
    expect(csp.get("script-src")).toBe("'self' 'unsafe-inline'");
  });

  it("gives the same policy to every response, so prerendered pages stay cacheable", async () => {
    const a = await new Client().request("/guides/kafka/the-log");
    const b = await new Client().request("/guides/kafka/the-log");
    expect(a.headers.get("content-security-policy")).toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
  });
});
