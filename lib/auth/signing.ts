/**
 * Small signed tokens the server hands out and later takes back (guest identity cookies, quiz
 * attempt keys): HMAC-SHA256 under a key derived from NEXTAUTH_SECRET, one key per purpose, so a
 * token minted for one purpose is never accepted for another.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env.js";

type SigningPurpose = "guest-id" | "quiz-attempt";

const keys = new Map<SigningPurpose, Buffer>();

function keyFor(purpose: SigningPurpose): Buffer {
  // `npm start`/`npm run dev` always provide the secret; without it nothing signed can be trusted.
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start` or set it");
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = createHmac("sha256", env.NEXTAUTH_SECRET).update(`signing-key:${purpose}`).digest()));
  return key;
}

/** `payload.signature`, both base64url. */
export function sign(purpose: SigningPurpose, payload: string): string {
  const body = Buffer.from(payload, "utf8").toString("base64url");
  const mac = createHmac("sha256", keyFor(purpose)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload of a token made by `sign` for the same purpose, or null if it was not (or was altered). */
export function verify(purpose: SigningPurpose, token: string): string | null {
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = createHmac("sha256", keyFor(purpose)).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(body, "base64url").toString("utf8");
}
