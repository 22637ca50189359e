import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env.js";
import { shouldUseSecureCookies } from "@/lib/auth/cookies";

describe("parseEnv", () => {
  it("should accept an empty environment with defaults", () => {
    expect(parseEnv({})).toMatchObject({ NODE_ENV: "development", DATABASE_POOL_MAX: 10, SEED_DEMO: false, TRUST_PROXY: false });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_POOL_MAX: "lots" }, "DATABASE_POOL_MAX"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ NEXTAUTH_URL: "not a url" }, "NEXTAUTH_URL"],
    [{ SEED_DEMO: "maybe" }, "SEED_DEMO"],
  ])("should name the bad variable in %j", (source, name) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Invalid environment variables:\\n  ${name}:`));
  });

  it("should treat empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", NEXTAUTH_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});

describe("shouldUseSecureCookies", () => {
  it.each([
    ["production", "https://guides.example", true],
    ["development", "https://guides.example", true],
    ["production", "http://guides.example", true],
    ["production", undefined, false],
    ["production", "http://localhost:3000", false],
    ["production", "http://127.0.0.1:3000", false],
    ["development", "http://guides.example", false],
  ])("in %s at %s should be %s", (nodeEnv, url, secure) => {
    expect(shouldUseSecureCookies(nodeEnv, url)).toBe(secure);
  });
});
