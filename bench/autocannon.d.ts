// The few parts of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  /** One entry of `requests`: what a connection sends next (README, "Customizing sent requests"). */
  interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called each time the entry is about to be sent; returns the request to send. */
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec;
    /** Called with each complete response to this entry, before the connection sends its next request. */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  }
  /** One connection (lib/httpClient.js). */
  interface Client extends EventEmitter {
    setRequests(requests: RequestSpec[]): void;
    /** `responseTime`: ms from writing the request to the last byte of its response. */
    on(event: "response", listener: (statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: "timeout", listener: () => void): this;
    on(event: "connError", listener: (error: Error) => void): this;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    /** Requests per second per connection at most. */
    connectionRate?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: RequestSpec[];
    /** Called once per connection, in connection order, as it is created. */
    setupClient?: (client: Client) => void;
  }
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    p97_5: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  /** The running benchmark: an event emitter, and a promise of its result. */
  interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
  export type { Client, Instance, Options, RequestSpec, Result };
}
