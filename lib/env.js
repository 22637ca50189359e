// @ts-check
/**
 * The environment, validated once with zod when the app starts (next.config.js imports this file,
 * so `next build`, `next start` and `next dev` all stop on a bad value, naming the variable).
 * Application code reads `env.X` from here and never `process.env.X`.
 *
 * YOU PROBABLY DON'T NEED TO EDIT THIS FILE, UNLESS: you add an environment variable.
 */
import { z } from "zod";

const optionalSecret = z.string().min(1).optional();
const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL server to use. `npm start` sets it to the embedded database when it is unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  /** Connections in this process's pool (the embedded database serves them one query at a time). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Signs session cookies; `npm start` generates one and keeps it under the data directory. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Public URL of the site, used for auth callbacks and to decide on Secure cookies. */
  NEXTAUTH_URL: z.url().optional(),
  GITHUB_ID: optionalSecret,
  GITHUB_SECRET: optionalSecret,
  GOOGLE_CLIENT_ID: optionalSecret,
  GOOGLE_CLIENT_SECRET: optionalSecret,
  /** Allow the demo accounts (and their published passwords) in production. */
  SEED_DEMO: flag,
  /** Trust the first X-Forwarded-For address as the client IP (only behind your own proxy). */
  TRUST_PROXY: flag,
});

/**
 * Parses `source` (default: process.env); throws one error listing every bad variable.
 * @param {Record<string, string | undefined>} source
 */
export function parseEnv(source) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);
