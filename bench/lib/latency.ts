/**
 * Response times per endpoint, kept whole (a load run of a few minutes holds tens of thousands of
 * numbers, no reason to bucket them), so percentiles are exact: nearest rank over the sorted times.
 */

/** What one endpoint did during the measured window. */
export interface EndpointStats {
  endpoint: string;
  /** Responses received (any status). */
  requests: number;
  /** Responses per second of the measured window. */
  perSecond: number;
  /** Latency percentiles over every response, 2xx or not, in ms. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Mean response size (status line, headers and body), bytes. */
  meanBytes: number;
  /** Responses whose status was not 2xx. */
  non2xx: number;
  /** Requests that got no response: socket errors and timeouts. */
  failed: number;
  /** Status code → count, for the non-2xx ones (to say what went wrong). */
  statuses: Record<number, number>;
}

/**
 * The value at percentile `p` (0–100) of `sorted` (ascending), nearest-rank definition: the
 * smallest value with at least p % of the values at or below it. NaN for no values.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Collects response times by endpoint; `stats` summarises them over a window of `seconds`. */
export class LatencyRecorder {
  private readonly times = new Map<string, number[]>();
  private readonly bytes = new Map<string, number>();
  private readonly statuses = new Map<string, Record<number, number>>();
  private readonly failures = new Map<string, number>();

  /** One response to `endpoint` of `bytes` bytes, `ms` from sending the request to its last byte. */
  record(endpoint: string, status: number, ms: number, bytes = 0): void {
    const times = this.times.get(endpoint) ?? [];
    times.push(ms);
    this.times.set(endpoint, times);
    this.bytes.set(endpoint, (this.bytes.get(endpoint) ?? 0) + bytes);
    if (status < 200 || status > 299) {
      const counts = this.statuses.get(endpoint) ?? {};
      counts[status] = (counts[status] ?? 0) + 1;
      this.statuses.set(endpoint, counts);
    }
  }

  /** A request to `endpoint` that got no response (timeout, connection error). */
  fail(endpoint: string): void {
    this.failures.set(endpoint, (this.failures.get(endpoint) ?? 0) + 1);
  }

  /** Every endpoint seen, in first-seen order, over a measured window of `seconds`. */
  stats(seconds: number): EndpointStats[] {
    const endpoints = [...new Set([...this.times.keys(), ...this.failures.keys()])];
    return endpoints.map((endpoint) => {
      const sorted = Float64Array.from(this.times.get(endpoint) ?? []).sort();
      const values = Array.from(sorted);
      const statuses = this.statuses.get(endpoint) ?? {};
      return {
        endpoint,
        requests: values.length,
        perSecond: values.length / seconds,
        p50: percentile(values, 50),
        p95: percentile(values, 95),
        p99: percentile(values, 99),
        max: values.at(-1) ?? Number.NaN,
        meanBytes: values.length ? (this.bytes.get(endpoint) ?? 0) / values.length : 0,
        non2xx: Object.values(statuses).reduce((n, c) => n + c, 0),
        failed: this.failures.get(endpoint) ?? 0,
        statuses,
      };
    });
  }
}
