/**
 * The one Prisma client of the app, connected through `@prisma/adapter-pg` to DATABASE_URL (a real
 * PostgreSQL server, or the embedded one `npm start` runs). Nothing else may construct a
 * PrismaClient (tests/architecture checks this).
 *
 * YOU PROBABLY DON'T NEED TO EDIT THIS FILE, UNLESS: you change pool sizing or logging.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env.js";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

function createPrismaClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new AppError("DB_UNAVAILABLE", { message: "DATABASE_URL is not set" });
  }
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    // Fail fast instead of queueing forever when the database is down or saturated.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  return new PrismaClient({
    adapter,
    // Query errors are reported by the code that handles them (expected ones, like a taken e-mail,
    // are not errors at all), so the client itself only warns.
    log: env.NODE_ENV === "development" ? ["warn", "error"] : ["warn"],
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Returns the process-wide client, creating it on first use. Always the same instance. */
export function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

/** The process-wide client. Lazily created, so importing this module never opens a connection. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
