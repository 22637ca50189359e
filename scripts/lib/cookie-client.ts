/**
 * A tiny HTTP client with a cookie jar, signing in through next-auth's real endpoints (CSRF token,
 * then the credentials callback), as a browser would. No test-runner imports, so the tests and
 * the benchmarks share it.
 */
export class CookieClient {
  readonly cookies = new Map<string, string>();

  /** `base()`: the app's URL, asked for on each request. `headers`: sent with every request. */
  constructor(
    private readonly base: () => string,
    private readonly headers: Record<string, string> = {},
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
    for (const [name, value] of Object.entries(this.headers)) headers.set(name, value);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${this.base()}${path}`, { ...init, headers, body, redirect: "manual" });
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
