import { signIn } from "next-auth/react";

const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password.",
  RateLimited: "Too many sign-in attempts. Please wait a few minutes and try again.",
  AccessDenied: "This account cannot sign in.",
};

/** A user-facing message for a next-auth error code (from a sign-in result or `?error=`). */
export function signInErrorMessage(code: string | undefined, status?: number): string {
  if (status === 429) return ERROR_MESSAGES.RateLimited!;
  return ERROR_MESSAGES[code ?? ""] ?? "Sign-in failed. Please try again.";
}

/** Signs in through next-auth without leaving the page; null on success, else a message to show. */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (result && !result.error) return null;
  return signInErrorMessage(result?.error ?? undefined, result?.status);
}
