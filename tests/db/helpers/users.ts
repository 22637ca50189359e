/** Fixtures for integration tests: users and their database-checked session identities. */
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createSession, loadSessionUser, type SessionUser } from "@/lib/auth/sessions";
import type { RoleName } from "@/lib/users/schemas";

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

export const FIXTURE_PASSWORD = "fixture password 123";
let fixtureHash: Promise<string> | undefined;

/** Creates a user with `role` and signs them in (a session row); returns the session identity. */
export async function createActor(role: RoleName = "LEARNER"): Promise<SessionUser> {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const user = await db.user.create({
    data: { email: uniqueEmail(role.toLowerCase()), name: `${role} fixture`, role, passwordHash: await fixtureHash },
  });
  const actor = await loadSessionUser(await createSession(user.id));
  if (!actor) throw new Error("fixture session did not load");
  return actor;
}
