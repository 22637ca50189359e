/**
 * Reading a Node process's live memory through its inspector (opened with SIGUSR1), for the
 * instructor benchmark's streaming figure.
 */
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

/**
 * A client of Node's inspector (the Chrome DevTools protocol, JSON over a WebSocket) in the few
 * lines this benchmark needs: Node 20 has no WebSocket client without a flag, and the project has
 * no WebSocket package. Text frames only, no extensions; the inspector sends no events unless a
 * domain is enabled, and none is.
 */
export class Inspector {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private received = Buffer.alloc(0);
  private message: Buffer[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("close", () => this.failAll(new Error("inspector connection closed")));
    socket.on("error", (error) => this.failAll(error));
  }

  /** Opens the inspector of `pid` (SIGUSR1: it listens on its --inspect-port) and connects to it. */
  static async attach(pid: number, port: number): Promise<Inspector> {
    process.kill(pid, "SIGUSR1");
    let targets: { webSocketDebuggerUrl: string }[] | undefined;
    for (let i = 0; !targets; i++) {
      try {
        targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
      } catch (error) {
        if (i >= 50) throw new Error(`the inspector of ${pid} does not answer on port ${port}: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const url = new URL(targets[0]!.webSocketDebuggerUrl);
    const socket = connect(Number(url.port), url.hostname);
    const key = randomBytes(16).toString("base64");
    socket.write(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    const rest = await new Promise<Buffer>((resolve, reject) => {
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf("\r\n\r\n");
        if (end === -1) return;
        socket.off("data", onData);
        socket.off("error", reject);
        const status = head.subarray(0, head.indexOf("\r\n")).toString();
        if (!/^HTTP\/1\.1 101/.test(status)) reject(new Error(`inspector handshake: ${status}`));
        else resolve(head.subarray(end + 4));
      };
      socket.on("data", onData);
      socket.on("error", reject);
    });
    const inspector = new Inspector(socket);
    if (rest.length > 0) inspector.onData(rest);
    return inspector;
  }

  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    const payload = Buffer.from(JSON.stringify({ id, method, params }));
    // A client's frames are masked (RFC 6455 5.3).
    const mask = randomBytes(4);
    // Our messages are short: a 7-bit or 16-bit length.
    const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 255]);
    for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.socket.write(Buffer.concat([Buffer.from([0x81]), length, mask, payload]));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.received = Buffer.concat([this.received, chunk]);
    for (;;) {
      const b = this.received;
      if (b.length < 2) return;
      const fin = (b[0]! & 0x80) !== 0;
      const opcode = b[0]! & 0x0f;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const payload = b.subarray(offset, offset + length);
      this.received = b.subarray(offset + length);
      if (opcode === 0x8) return void this.socket.end();
      if (opcode !== 0x1 && opcode !== 0x0) continue;
      this.message.push(payload);
      if (!fin) continue;
      const text = Buffer.concat(this.message).toString();
      this.message = [];
      const reply = JSON.parse(text) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiting) continue;
      this.pending.delete(reply.id!);
      if (reply.error) waiting.reject(new Error(`inspector: ${reply.error.message}`));
      else waiting.resolve(reply.result);
    }
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

/** The server's live memory: a full garbage collection, then its JS heap in use plus memory outside the heap (Buffers, ArrayBuffers). */
export async function liveMemory(inspector: Inspector): Promise<number> {
  await inspector.call("HeapProfiler.collectGarbage");
  const { result } = await inspector.call<{ result: { value: string } }>("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
  const usage = JSON.parse(result.value) as { heapUsed: number; external: number };
  return usage.heapUsed + usage.external;
}
