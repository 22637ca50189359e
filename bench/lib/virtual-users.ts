/**
 * A load of virtual users through autocannon: one keep-alive connection per user, each sending its
 * user's next request once the previous one is answered (no pipelining), either at a set pace per
 * user or as soon as it can (a closed loop: N users are N requests in flight). Unlike autocannon's own figures, which mix every request, the
 * response times are kept per endpoint (bench/lib/latency.ts).
 *
 * How it hooks into autocannon 9 (see its README and lib/httpClient.js): `setupClient` gives each
 * connection its own one-entry `requests` list whose `setupRequest` asks the user for its next
 * request. That entry is rebuilt before every send, and a connection has one request in flight, so
 * the step last handed out is the one being answered. The connection's `response` event carries the
 * response time autocannon measured (from writing the request to its last byte); `onResponse`, which
 * gets the body, runs just before it. Per-user state lives in the user object, not in autocannon's
 * `context`, which autocannon resets each time a connection wraps around its `requests` list.
 */
import autocannon, { type Client, type RequestSpec, type Result } from "autocannon";
import { LatencyRecorder, type EndpointStats } from "./latency";

/** One request of a virtual user. */
export interface Step {
  /** What the figures group it under, e.g. "POST …/quiz/attempts". */
  endpoint: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  /** Sent as JSON when present. */
  json?: unknown;
}

export interface VirtualUser {
  /** Sent with every request of this user (its cookie, its client address). */
  readonly headers: Record<string, string>;
  /** The next request to send; called exactly once per request sent. */
  next(): Step;
  /** The response to `step`, the last one `next` returned. */
  onResponse?(step: Step, status: number, body: string): void;
}

export interface LoadRun {
  endpoints: EndpointStats[];
  /** The measured window (after the warm-up), seconds. */
  seconds: number;
  /** Responses per second over the measured window, all endpoints. */
  perSecond: number;
  requests: number;
  /** Non-2xx responses plus requests that got none, in the measured window. */
  errors: number;
  /** The same over the whole run, warm-up included, as autocannon counted them. */
  errorsWithWarmup: number;
}

export interface LoadOptions {
  /** The app's origin, e.g. http://127.0.0.1:3000. */
  url: string;
  users: readonly VirtualUser[];
  /** Run, but do not record, for this long first (JIT, caches, connection set-up). */
  warmupSeconds: number;
  /** Then record for this long. */
  seconds: number;
  /** Called as the recording starts (e.g. to start measuring CPU over the same window). */
  onMeasureStart?: () => void;
  /**
   * Requests per second each user sends at most (autocannon's `connectionRate`): a user waits for
   * its previous answer and for its turn. Unset: a closed loop, each request as soon as the last
   * answer came.
   */
  perUserRate?: number;
}

/**
 * Runs `users` for `warmupSeconds + seconds` and returns what the last `seconds` recorded. Every
 * user's requests go out one after another on its own connection, so a user never races itself.
 */
export async function runVirtualUsers({ url, users, warmupSeconds, seconds, onMeasureStart, perUserRate }: LoadOptions): Promise<LoadRun> {
  const recorder = new LatencyRecorder();
  let measuring = false;
  let measuredFrom = 0;
  let measuredTo = 0;
  let connection = 0;

  const setupClient = (client: Client) => {
    const user = users[connection++ % users.length];
    if (!user) throw new Error(`autocannon opened more connections than there are users (${users.length})`);
    let pending: Step | undefined;
    let previous: Step | undefined;
    const request: RequestSpec = {
      setupRequest: (defaults) => {
        previous = pending;
        pending = user.next();
        const headers: Record<string, string> = { ...user.headers };
        if (pending.json !== undefined) headers["content-type"] = "application/json";
        return { ...defaults, method: pending.method, path: pending.path, headers, body: pending.json === undefined ? undefined : JSON.stringify(pending.json) };
      },
      onResponse: (status, body) => {
        if (pending) user.onResponse?.(pending, status, body);
      },
    };
    client.setRequests([request]);
    client.on("response", (status, bytes, ms) => {
      if (measuring && pending) recorder.record(pending.endpoint, status, ms, bytes);
    });
    // Both end the request in flight without a response, and autocannon then sends the next one:
    // after a connection error it says so first; after a timeout it has already built the next
    // request when it says so (lib/httpClient.js), so the one that timed out is the previous one.
    client.on("connError", () => {
      if (measuring && pending) recorder.fail(pending.endpoint);
    });
    client.on("timeout", () => {
      if (measuring && previous) recorder.fail(previous.endpoint);
    });
  };

  const warmup = setTimeout(() => {
    measuring = true;
    measuredFrom = performance.now();
    onMeasureStart?.();
  }, warmupSeconds * 1000);
  // The window closes at the same time for every user (the paced users' runs end up to 1 s apart).
  const end = setTimeout(() => {
    measuring = false;
    measuredTo = performance.now();
  }, (warmupSeconds + seconds) * 1000);
  const results: Result[] = [];
  try {
    if (perUserRate) {
      // autocannon paces a connection by a one-second tick, and the ticks of one run's connections
      // all start together: every user would send its requests at the same instant each second, a
      // burst as hard as a closed loop. So each user gets its own autocannon run (one connection),
      // started 1/N s after the previous one: the users' requests spread over each second.
      results.push(
        ...(await Promise.all(
          users.map(async (_, i) => {
            await new Promise((resolve) => setTimeout(resolve, (1000 * i) / users.length));
            return autocannon({ url, connections: 1, duration: warmupSeconds + seconds, pipelining: 1, timeout: 10, setupClient, connectionRate: perUserRate });
          }),
        )),
      );
    } else {
      results.push(await autocannon({ url, connections: users.length, duration: warmupSeconds + seconds, pipelining: 1, timeout: 10, setupClient }));
    }
  } finally {
    clearTimeout(warmup);
    clearTimeout(end);
  }
  if (measuredFrom === 0) throw new Error("the load run ended before its warm-up did");
  if (measuring) {
    measuring = false;
    measuredTo = performance.now();
  }
  const measured = (measuredTo - measuredFrom) / 1000;
  const endpoints = recorder.stats(measured);
  const requests = endpoints.reduce((n, e) => n + e.requests, 0);
  return {
    endpoints,
    seconds: measured,
    perSecond: requests / measured,
    requests,
    errors: endpoints.reduce((n, e) => n + e.non2xx + e.failed, 0),
    errorsWithWarmup: results.reduce((n, r) => n + r.non2xx + r.errors, 0),
  };
}
