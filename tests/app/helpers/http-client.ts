/**
 * The tests' HTTP client: a cookie jar signing in through next-auth's real endpoints, on the app
 * the test project started, each client from its own address.
 */
import { inject } from "vitest";
import { DEMO_ACCOUNTS } from "../../../scripts/db/demo-accounts";
import { CookieClient } from "../../../scripts/lib/cookie-client";

export const baseUrl = (): string => inject("baseUrl");

let ipCounter = 0;
/** A distinct documentation-range client IP per call (TEST-NET-3), for per-IP rate limits. */
export function uniqueIp(): string {
  ipCounter += 1;
  return `203.0.113.${(process.pid + ipCounter) % 250}`;
}

/** The shared cookie-jar client (scripts/lib/cookie-client.ts) with its own client IP, on the project's app. */
export class Client extends CookieClient {
  /** `base`: another running app than the project's shared one. */
  constructor(
    readonly ip: string = uniqueIp(),
    base?: string,
  ) {
    super(() => base ?? baseUrl(), { "x-forwarded-for": ip });
  }
}

/**
 * Signs up through the API and signs in; returns the signed-in client and the account. `base`:
 * another running app than the project's shared one.
 */
export async function newLearner(prefix = "learner", base?: string): Promise<{ client: Client; email: string; password: string; id: string }> {
  const client = new Client(undefined, base);
  const email = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = "correct horse battery";
  const res = await client.request("/api/users", { method: "POST", json: { name: "Test Learner", email, password } });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  const signIn = await client.signIn(email, password);
  if (!client.signedIn) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  return { client, email, password, id: user.id };
}

export const DEMO_ADMIN = DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!;

let admin: Promise<Client> | undefined;

/**
 * The demo admin, signed in once per test file (files get their own module instances): sign-ins
 * to one account are limited to 10 per 15 minutes, and the app test files share that budget.
 */
export function signedInAdmin(): Promise<Client> {
  admin ??= (async () => {
    const client = new Client();
    await client.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    if (!client.signedIn) throw new Error("demo admin could not sign in");
    return client;
  })();
  return admin;
}

/**
 * Rate limits count in fixed windows aligned to the clock. A test that fills a window waits, if the
 * current one ends within `needSeconds`, until the next one starts, so it never straddles two.
 */
export async function startOfFreshWindow(windowSeconds: number, needSeconds = 30): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 200));
}
