import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/db/demo-accounts";
import { startApp } from "../setup/app-process";

const admin = DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!;

async function demoAdminCanSignIn(baseUrl: string): Promise<boolean> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: admin.password, json: "true" }),
  });
  return res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
}

describe("demo accounts in production", () => {
  it("should refuse to start while demo accounts accept their published passwords", async () => {
    const dev = await startApp();
    expect(await demoAdminCanSignIn(dev.baseUrl)).toBe(true);
    await dev.stop();
    await expect(startApp({ dataDir: dev.dataDir, env: { NODE_ENV: "production" }, timeoutMs: 120_000 })).rejects.toThrow(
      /Refusing to run in production: the demo accounts .*admin@example\.com/,
    );
    const allowed = await startApp({ dataDir: dev.dataDir, env: { NODE_ENV: "production", SEED_DEMO: "1" } });
    await allowed.stop();
  }, 240_000);

  it("should not create demo accounts on a fresh production database", async () => {
    const prod = await startApp({ env: { NODE_ENV: "production" } });
    try {
      expect((await fetch(`${prod.baseUrl}/`)).status).toBe(200);
      expect(await demoAdminCanSignIn(prod.baseUrl)).toBe(false);
    } finally {
      await prod.stop();
    }
  }, 180_000);
});
