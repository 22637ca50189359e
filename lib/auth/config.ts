/**
 * next-auth options. Sessions are JWT cookies (the Credentials provider requires it) that carry
 * only a server-side session id (`sid`); lib/auth/session.ts resolves it against the database on
 * every request, which is what makes sign-out, disabling and role changes immediate.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env.js";
import { buildProviders } from "@/lib/auth/providers";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { useSecureCookies } from "@/lib/auth/cookies";
import { adoptGuestRecord } from "@/lib/learners/identity";
import { authenticate, findOrCreateOAuthUser } from "@/lib/users/authenticate";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: buildProviders(env, (credentials) => authenticate(credentials)),
  callbacks: {
    async signIn({ user, account }) {
      if (!account || account.type === "credentials") return true;
      const linked = await findOrCreateOAuthUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email,
        name: user.name,
      });
      if (!linked) return false;
      // The jwt callback receives this same object: point it at our user, not the provider's id.
      Object.assign(user, linked);
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await createSession(user.id);
      }
      return token;
    },
    session({ session }) {
      // The browser only learns who is signed in; roles are decided on the server.
      return { expires: session.expires, user: { name: session.user?.name, email: session.user?.email } };
    },
  },
  events: {
    // What this browser did as a guest (quiz attempts, ...) becomes the account's.
    async signIn({ user }) {
      await adoptGuestRecord(user.id);
    },
    async signOut({ token }) {
      if (typeof token.sid === "string") await revokeSession(token.sid);
    },
  },
};
