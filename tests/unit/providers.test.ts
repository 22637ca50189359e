import { describe, expect, it } from "vitest";
import { buildProviders } from "@/lib/auth/providers";

const authorize = async () => null;

describe("buildProviders", () => {
  it("should offer only e-mail and password by default", () => {
    expect(buildProviders({}, authorize).map((p) => p.id)).toEqual(["credentials"]);
  });

  it("should add GitHub and Google only when both of their settings are present", () => {
    expect(buildProviders({ GITHUB_ID: "id" }, authorize).map((p) => p.id)).toEqual(["credentials"]);
    expect(
      buildProviders({ GITHUB_ID: "id", GITHUB_SECRET: "s", GOOGLE_CLIENT_ID: "g", GOOGLE_CLIENT_SECRET: "t" }, authorize).map((p) => p.id),
    ).toEqual(["credentials", "github", "google"]);
  });
});
