/**
 * A same-site path to return to after signing in; anything else (absolute URLs, `//host`,
 * backslashes) becomes "/", so the sign-in page cannot be used as an open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value.slice(0, 2000);
}
