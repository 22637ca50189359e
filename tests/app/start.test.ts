import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { signUpAt, startApp } from "../../scripts/lib/run-app";
import { Client } from "./helpers/http-client";

describe("npm start", () => {
  it("should serve / with 200 from an empty data directory it created, migrated and seeded", async () => {
    // The project's global setup started the app exactly this way, on a fresh directory.
    const res = await fetch(`${inject("baseUrl")}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Technical guides");
    expect(existsSync(path.join(inject("appDataDir"), "pg"))).toBe(true);
    const admin = new Client();
    await admin.signIn("admin@example.com", "demo-admin-2026");
    expect(admin.signedIn).toBe(true);
  });

  it("should keep the data across a restart on the same directory", async () => {
    const first = await startApp();
    const email = `restart-${Date.now()}@example.org`;
    const signUp = await signUpAt(first.baseUrl, { name: "Restart", email, password: "survives restarts" });
    expect(signUp.status).toBe(201);
    expect(await first.stop({ keepData: true })).toBe(0);

    const second = await startApp({ dataDir: first.dataDir });
    try {
      const again = await signUpAt(second.baseUrl, { name: "Restart", email, password: "survives restarts" });
      expect(again.status).toBe(409);
    } finally {
      await second.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it("should stop with a message naming the variable when the environment is bad", async () => {
    await expect(startApp({ env: { DATABASE_URL_POOL: "", DATABASE_POOL_MAX: "many" }, timeoutMs: 60_000 })).rejects.toThrow(/DATABASE_POOL_MAX/);
  });
});
