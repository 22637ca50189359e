import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signUpAt, startApp } from "../../scripts/lib/run-app";
import { Client, DEMO_ADMIN as admin } from "./helpers/http-client";

/** Signs in through next-auth's endpoints; returns the Set-Cookie lines of the credentials callback. */
async function signInCookies(baseUrl: string, email: string, password: string): Promise<string[]> {
  return (await new Client(undefined, baseUrl).signIn(email, password)).headers.getSetCookie();
}

async function demoAdminCanSignIn(baseUrl: string): Promise<boolean> {
  const cookies = await signInCookies(baseUrl, admin.email, admin.password);
  return cookies.some((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
}

describe("demo accounts in production", () => {
  it("should refuse to start while demo accounts accept their published passwords", async () => {
    const dev = await startApp();
    expect(await demoAdminCanSignIn(dev.baseUrl)).toBe(true);
    await dev.stop({ keepData: true });
    await expect(startApp({ dataDir: dev.dataDir, env: { NODE_ENV: "production" }, timeoutMs: 120_000 })).rejects.toThrow(
      /Refusing to run in production: the demo accounts .*admin@example\.com/,
    );
    const allowed = await startApp({ dataDir: dev.dataDir, env: { NODE_ENV: "production", SEED_DEMO: "1" } });
    await allowed.stop();
    rmSync(dev.dataDir, { recursive: true, force: true });
  }, 240_000);

  it("should not create demo accounts on a fresh production database, and use Secure cookies over HTTPS", async () => {
    const prod = await startApp({ env: { NODE_ENV: "production", NEXTAUTH_URL: "https://guides.example" } });
    try {
      expect((await fetch(`${prod.baseUrl}/`)).status).toBe(200);
      expect(await demoAdminCanSignIn(prod.baseUrl)).toBe(false);
      const csrfCookie = (await fetch(`${prod.baseUrl}/api/auth/csrf`)).headers.getSetCookie().join("\n");
      expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=.*; Secure/im);
      expect(csrfCookie).toMatch(/HttpOnly/i);
      const email = `secure-${Date.now()}@example.org`;
      const signUp = await signUpAt(prod.baseUrl, { name: "Secure", email, password: "only over https" });
      expect(signUp.status).toBe(201);
      const session = (await signInCookies(prod.baseUrl, email, "only over https")).find((c) => c.includes("session-token="));
      expect(session).toMatch(/^__Secure-next-auth\.session-token=.*; Secure/i);
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
    } finally {
      await prod.stop();
    }
  }, 180_000);
});
