/**
 * Checking an e-mail and password, and finding or creating the account behind an OAuth sign-in.
 */
import "server-only";
import { db } from "@/lib/db";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/users/schemas";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The user whose e-mail and password match, or null. Unknown e-mails, wrong passwords and disabled
 * accounts all give null after the same amount of work, so a caller cannot tell them apart.
 */
export async function authenticate(credentials: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export interface OAuthProfile {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
}

/**
 * The user linked to an OAuth identity: the linked account if there is one, else the account with
 * the same e-mail (providers only hand out verified addresses), else a new learner. Null when the
 * provider gave no e-mail or the account is disabled.
 */
export async function findOrCreateOAuthUser(profile: OAuthProfile): Promise<AuthenticatedUser | null> {
  const email = profile.email?.trim().toLowerCase();
  if (!email) return null;
  return db.$transaction(async (tx) => {
    const linked = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
      select: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    });
    const user =
      linked?.user ??
      (await tx.user.upsert({
        where: { email },
        update: {},
        create: { email, name: (profile.name ?? email.split("@")[0] ?? "Learner").slice(0, 100) },
        select: { id: true, email: true, name: true, disabledAt: true },
      }));
    if (!linked) {
      await tx.oAuthAccount.create({
        data: { userId: user.id, provider: profile.provider, providerAccountId: profile.providerAccountId },
      });
    }
    return user.disabledAt ? null : { id: user.id, email: user.email, name: user.name };
  });
}
