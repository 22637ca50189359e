/**
 * The sign-in methods on offer: e-mail and password always; GitHub and Google only when their
 * credentials are configured.
 */
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";

export interface OAuthEnv {
  GITHUB_ID?: string;
  GITHUB_SECRET?: string;
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
}

/** Builds the provider list; `authorize` checks e-mail and password. */
export function buildProviders(
  oauth: OAuthEnv,
  authorize: (credentials: Record<string, string> | undefined) => Promise<{ id: string; email: string; name: string } | null>,
): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => authorize(credentials),
    }),
  ];
  if (oauth.GITHUB_ID && oauth.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: oauth.GITHUB_ID, clientSecret: oauth.GITHUB_SECRET }));
  }
  if (oauth.GOOGLE_CLIENT_ID && oauth.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: oauth.GOOGLE_CLIENT_ID, clientSecret: oauth.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}
