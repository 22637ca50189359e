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

  it("should send identical lesson HTML to every visitor", async () => {
    const a = await newLearner("same-html-a");
    const b = await newLearner("same-html-b");
    const anonymous = await (await get("/guides/kafka/consumer-groups")).text();
    const forA = await (await a.client.request("/guides/kafka/consumer-groups")).text();
    const forB = await (await b.client.request("/guides/kafka/consumer-groups")).text();
    expect(forA).toBe(forB);
    expect(forA).toBe(anonymous);
    expect(forA).not.toContain(a.email);
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
