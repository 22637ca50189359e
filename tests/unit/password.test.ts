import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { newPasswordSchema, signUpSchema } from "@/lib/users/schemas";

describe("hashPassword / verifyPassword", () => {
  it("should verify the right password and refuse others", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("should salt every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("should refuse malformed hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
    expect(await verifyPassword("anything", DUMMY_PASSWORD_HASH)).toBe(false);
  });
});

describe("password policy", () => {
  it("should refuse short and common passwords, case-insensitively", () => {
    expect(newPasswordSchema.safeParse("nine char").success).toBe(false);
    expect(isCommonPassword("QwertyUiop")).toBe(true);
    expect(newPasswordSchema.safeParse("Password123").success).toBe(false);
    expect(newPasswordSchema.safeParse("ten chars!").success).toBe(true);
  });

  it("should normalise the e-mail", () => {
    const parsed = signUpSchema.parse({ name: " Ann ", email: " Ann@Example.ORG ", password: "long enough pass" });
    expect(parsed).toEqual({ name: "Ann", email: "ann@example.org", password: "long enough pass" });
  });
});
