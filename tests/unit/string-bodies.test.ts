import { createServer, ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendStringBodiesAsBuffers } from "@/lib/http/string-bodies";

// A body well above the threshold, with two-byte and astral characters like the lessons have.
const LARGE = "Offsets are never reused → 💡 Key point — ".repeat(400);
const SMALL = "ok";
const LATIN1 = "caf\u00e9 ".repeat(2000);

let server: Server;
let base: string;
let endCalls: unknown[][] = [];

beforeAll(async () => {
  sendStringBodiesAsBuffers();
  sendStringBodiesAsBuffers(); // idempotent: a second call must not wrap twice
  server = createServer((req, res) => {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    if (req.url === "/large") res.end(LARGE);
    else if (req.url === "/small") res.end(SMALL);
    else if (req.url === "/latin1") res.end(LATIN1, "latin1");
    else if (req.url?.startsWith("/many/")) res.end(`${req.url} `.repeat(3000));
    else if (req.url === "/callback") res.end(LARGE, () => endCalls.push(["callback"]));
    else res.end(Buffer.from(LARGE));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sendStringBodiesAsBuffers", () => {
  it("sends a large string body byte for byte, with the right Content-Length", async () => {
    const res = await fetch(`${base}/large`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(Buffer.from(LARGE, "utf8"))).toBe(true);
  });

  it("leaves short strings, Buffers and other encodings as they were", async () => {
    expect(await (await fetch(`${base}/small`)).text()).toBe(SMALL);
    expect(Buffer.from(await (await fetch(`${base}/buffer`)).arrayBuffer()).equals(Buffer.from(LARGE))).toBe(true);
    const latin1 = Buffer.from(await (await fetch(`${base}/latin1`)).arrayBuffer());
    expect(latin1.equals(Buffer.from(LATIN1, "latin1"))).toBe(true);
    expect(latin1.length).toBe(LATIN1.length); // one byte per character, not UTF-8's two
  });

  it("keeps sending the right bytes for many different large bodies (past the reuse cache's bounds) and repeats", async () => {
    for (const round of [0, 1]) {
      for (let i = 0; i < 80; i++) {
        const path = `/many/${i}`;
        const text = await (await fetch(`${base}${path}`)).text();
        expect(text, `round ${round}, body ${i}`).toBe(`${path} `.repeat(3000));
      }
    }
    const again = Buffer.from(await (await fetch(`${base}/large`)).arrayBuffer());
    expect(again.equals(Buffer.from(LARGE, "utf8"))).toBe(true);
  });

  it("still calls the callback given to end()", async () => {
    endCalls = [];
    await (await fetch(`${base}/callback`)).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(endCalls).toEqual([["callback"]]);
  });

  it("wraps ServerResponse.prototype.end exactly once", () => {
    const end = ServerResponse.prototype.end;
    sendStringBodiesAsBuffers();
    expect(ServerResponse.prototype.end).toBe(end);
    expect(end.name).toBe("patchedEnd");
  });
});
