import { describe, expect, it } from "vitest";
import { baseUrl, Client, newLearner } from "./helpers/http-client";

const get = (path: string, init?: RequestInit) => fetch(`${baseUrl()}${path}`, { redirect: "manual", ...init });

describe("guide pages over HTTP", () => {
  it("should list every guide in the catalog on /", async () => {
    const html = await (await get("/")).text();
    for (const href of ["/guides/kafka", "/guides/event-driven-architecture", "/guides/webhooks-and-message-queues"]) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it("should serve lessons as prerendered, CDN-cacheable pages", async () => {
    const res = await get("/guides/kafka/production-reality");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-nextjs-prerender")).toMatch(/^1(, 1)*$/);
    expect(res.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    const html = await res.text();
    expect(html).toContain("Production Reality");
    expect(html).toMatch(/Updated \w{3} \d{1,2}, \d{4}/);
    expect(html).toMatch(/Check your understanding[\s\S]{0,200}— \d+ questions/);
    expect(html).toContain("Was this page helpful?");
    expect(html).toMatch(/← Phase 2: [^<]+<\/a>/);
    expect(html).toContain("Guide overview");
  });

  it("should send identical lesson, overview and home HTML to every visitor, whatever their progress and votes", async () => {
    const a = await newLearner("same-html-a");
    const b = await newLearner("same-html-b");
    const guest = new Client();
    // A has read the lesson and voted with a comment; the guest has visited it.
    const lesson = "/api/guides/kafka/lessons/consumer-groups";
    expect((await a.client.request(`${lesson}/progress`, { method: "PUT", json: { read: true } })).status).toBe(200);
    expect((await a.client.request(`${lesson}/rating`, { method: "PUT", json: { helpful: false, reason: "unclear", comment: "distinctive-comment-7f3a" } })).status).toBe(200);
    expect((await guest.request(`${lesson}/progress`, { method: "PUT", json: { visited: true } })).status).toBe(200);
    for (const path of ["/guides/kafka/consumer-groups", "/guides/kafka", "/"]) {
      const anonymous = await get(path);
      const forA = await a.client.request(path);
      expect(forA.headers.get("x-nextjs-prerender"), path).toMatch(/^1(, 1)*$/);
      const html = await forA.text();
      expect(html, path).toBe(await (await b.client.request(path)).text());
      expect(html, path).toBe(await (await guest.request(path)).text());
      expect(html, path).toBe(await anonymous.text());
      expect(html).not.toContain(a.email);
      expect(html).not.toContain("distinctive-comment-7f3a");
      expect(html).not.toContain('data-status="');
    }
  });

  it.each(["/guides/nope", "/guides/kafka/nope", "/guides/kafka/the-log/extra"])("should answer 404 with a way back for %s", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    expect(html).toContain('href="/"');
  });

  it("should serve the search index as a static file with section anchors", async () => {
    const res = await get("/search-index.json");
    expect(res.status).toBe(200);
    const index = (await res.json()) as { url: string; section: string; text: string }[];
    expect(index.length).toBeGreaterThan(50);
    expect(index.some((e) => e.url.startsWith("/guides/kafka/production-reality#") && /idempot/i.test(e.section + e.text))).toBe(true);
  });

  it("should render every lesson of every guide", async () => {
    const index = (await (await get("/search-index.json")).json()) as { url: string }[];
    const pages = [...new Set(index.map((e) => e.url.split("#")[0]!))];
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const page of pages) expect((await get(page)).status, page).toBe(200);
    const client = new Client();
    expect((await client.request("/guides/kafka")).status).toBe(200);
  });
});
