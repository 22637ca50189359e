/**
 * Server-side session records. The session cookie only names a row here, so signing out, disabling
 * an account or changing a role takes effect on the very next request.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/users/schemas";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** What the server knows about the signed-in user, read from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  sessionId: string;
}

/** Creates a session row for `userId`; returns its id (256 random bits). */
export async function createSession(userId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { id, userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

/** Ends one session (sign-out). Missing sessions are fine: signing out twice is not an error. */
export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/**
 * The user behind `sessionId`, or null when the session does not exist, has expired, or its user
 * is disabled. The role comes from the database, never from the cookie. One statement (a join):
 * every signed-in request starts here, and Prisma reads a relation with a second query.
 */
export async function loadSessionUser(sessionId: string): Promise<SessionUser | null> {
  const [row] = await db.$queryRaw<{ expiresAt: Date; id: string; email: string; name: string; role: RoleName; disabledAt: Date | null }[]>`
    SELECT s.expires_at AS "expiresAt", u.id, u.email, u.name, u.role::text AS role, u.disabled_at AS "disabledAt"
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${sessionId}`;
  if (!row || row.expiresAt.getTime() <= Date.now() || row.disabledAt) return null;
  const { id, email, name, role } = row;
  return { id, email, name, role, sessionId };
}
