/**
 * Real learner accounts for a load run, made through the app's public endpoints exactly as a
 * browser makes them: sign up (POST /api/users), then sign in through next-auth (CSRF token, then
 * the credentials callback), keeping the session cookie.
 */
import { CookieClient } from "../../scripts/lib/cookie-client";

export interface SignedInLearner {
  email: string;
  /** The client address this learner's requests claim (X-Forwarded-For). */
  ip: string;
  /** The Cookie header of its signed-in browser (the session cookie). */
  cookie: string;
}

/**
 * A client address per learner, from 198.18.0.0/15 (reserved for benchmarks, RFC 2544). The app
 * counts sign-ups (20 an hour) and sign-ins (50 in 15 minutes) per address, as `next start` sees
 * it without TRUST_PROXY: the last X-Forwarded-For address when a client sends one
 * (lib/http/client-ip.ts). One address per learner keeps every learner far below both.
 */
export const learnerIp = (i: number): string => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;

/**
 * What this learner's browser sends with every request to `origin`: its cookies, and the Origin a
 * browser's fetch adds (the app refuses a write whose Origin is another site's); the client address
 * stands for the learner's own machine.
 */
export function learnerHeaders(learner: SignedInLearner, origin: string): Record<string, string> {
  return { cookie: learner.cookie, "x-forwarded-for": learner.ip, origin };
}

const PASSWORD = "load-test learner 2026";

async function signUpAndIn(baseUrl: string, i: number, tag: string): Promise<SignedInLearner> {
  const ip = learnerIp(i);
  const client = new CookieClient(() => baseUrl, { "x-forwarded-for": ip, origin: baseUrl });
  const email = `load-${tag}-${i}@bench.example.org`;
  const res = await client.request("/api/users", { method: "POST", json: { name: `Load Learner ${i}`, email, password: PASSWORD } });
  if (res.status !== 201) throw new Error(`sign-up of ${email}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  const signIn = await client.signIn(email, PASSWORD);
  await signIn.arrayBuffer();
  if (!client.signedIn) throw new Error(`sign-in of ${email}: ${signIn.status}`);
  return { email, ip, cookie: client.cookieHeader() };
}

/**
 * `count` new learners, signed in, `parallel` at a time (password hashing is deliberately slow).
 * Each signs up and signs in once from its own address, so no rate limit is approached. `tag`
 * makes the e-mail addresses unique to this run.
 */
export async function signUpLearners(baseUrl: string, count: number, { parallel = 4, tag = Date.now().toString(36) } = {}): Promise<SignedInLearner[]> {
  const learners: SignedInLearner[] = new Array<SignedInLearner>(count);
  let nextIndex = 0;
  const worker = async () => {
    for (let i = nextIndex++; i < count; i = nextIndex++) learners[i] = await signUpAndIn(baseUrl, i, tag);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return learners;
}
