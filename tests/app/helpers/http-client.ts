/**
 * A tiny HTTP client with a cookie jar, signing in through next-auth's real endpoints
 * (CSRF token, then the credentials callback), as a browser would.
 */
import { inject } from "vitest";
import { DEMO_ACCOUNTS } from "../../../scripts/db/demo-accounts";

export const baseUrl = (): string => inject("baseUrl");

let ipCounter = 0;
/** A distinct documentation-range client IP per call (TEST-NET-3), for per-IP rate limits. */
export function uniqueIp(): string {
  ipCounter += 1;
  return `203.0.113.${(process.pid + ipCounter) % 250}`;
}

export class Client {
  readonly cookies = new Map<string, string>();
  /** `base`: another running app than the project's shared one. */
  constructor(
    readonly ip: string = uniqueIp(),
    private readonly base?: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.ip);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${this.base ?? baseUrl()}${path}`, { ...init, headers, body, redirect: "manual" });
    this.store(res);
    return res;
  }

  async csrfToken(): Promise<string> {
    const res = await this.request("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** Posts the credentials form; returns the raw response (200 JSON with a `url` on success or error). */
  async signIn(email: string, password: string, csrf?: string): Promise<Response> {
    const form = new URLSearchParams({ email, password, json: "true", csrfToken: csrf ?? (await this.csrfToken()) });
    return this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
  }

  async signOut(): Promise<Response> {
    const form = new URLSearchParams({ csrfToken: await this.csrfToken(), json: "true" });
    return this.request("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
}

/** Signs up through the API and signs in; returns the signed-in client and the account. */
export async function newLearner(prefix = "learner"): Promise<{ client: Client; email: string; password: string; id: string }> {
  const client = new Client();
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

export async function signedInAdmin(): Promise<Client> {
  const client = new Client();
  await client.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
  if (!client.signedIn) throw new Error("demo admin could not sign in");
  return client;
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
