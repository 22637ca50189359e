import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/utils/safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/me", "/me"],
    ["/guides/kafka?x=1#y", "/guides/kafka?x=1#y"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [undefined, "/"],
    [["/me"], "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
