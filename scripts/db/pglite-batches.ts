/**
 * Keeps each client's extended-protocol batch together on the embedded database.
 *
 * PGlite is one PostgreSQL backend; pglite-socket shares it between connections through a queue
 * of wire-protocol messages. Its queue keeps a connection's messages together only inside a
 * transaction, so between one client's Parse/Bind and its Execute another client's Bind can
 * replace the unnamed portal: under concurrent requests queries fail with `portal "" does not
 * exist` (seen with ten concurrent quiz submissions). Here, once a connection has sent a message
 * that opens a batch, only that connection is served until its Sync (or simple Query, or
 * Terminate), and, as before, until its transaction ends. A connection that vanishes in the
 * middle has its unfinished work rolled back, as PostgreSQL does, instead of committed by the next
 * connection's Sync.
 *
 * This reaches into pglite-socket's queue (version pinned exactly in package.json);
 * tests/db/embedded-concurrency.test.ts fails if an upgrade changes what it relies on.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

function frontendMessage(type: string, body: Buffer): Uint8Array {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([header, body]));
}

// What a connection that vanished may have left open is ended the way PostgreSQL ends it on a
// disconnect, by rolling back: a statement that cannot parse aborts the implicit transaction of
// an unfinished batch, Sync closes it, and ROLLBACK ends an explicit transaction.
const ABANDON = [
  frontendMessage("P", Buffer.from("\0!\0\0\0", "latin1")), // unnamed statement "!", no parameters
  frontendMessage("S", Buffer.alloc(0)),
];
const ROLLBACK = frontendMessage("Q", Buffer.from("ROLLBACK\0", "latin1"));

/** Whether a message ends what its connection is in the middle of (or starts nothing). */
function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  // Startup, SSL and cancel requests have no type byte: they begin with a length (first byte 0).
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0 || type === undefined;
}

export function keepBatchesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.clearQueueForHandler !== "function") {
    throw new Error("pglite-socket's query queue is not where keepBatchesTogether expects it; check the pinned version");
  }
  let batchOwner: number | null = null;
  let abandoned = false;

  const discard = () => {};
  const cleanUp = () =>
    db.runExclusive(async () => {
      for (const message of ABANDON) await db.execProtocolRawStream(message, { onRawData: discard });
      if (db.isInTransaction()) await db.execProtocolRawStream(ROLLBACK, { onRawData: discard });
    });

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || (this.queue.length === 0 && !abandoned)) return;
    this.processing = true;
    try {
      while (abandoned || this.queue.length > 0) {
        if (abandoned) {
          abandoned = false;
          await cleanUp();
          continue;
        }
        const owner = batchOwner ?? (db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        // The owner's next message is still on its way; it restarts the queue when it arrives.
        if (index < 0) break;
        const item = this.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          batchOwner = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        batchOwner = endsBatch(item.message) ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away in the middle of a batch or a transaction must neither leave the
  // others waiting for it nor leave its half-done work for the next Sync to commit.
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (batchOwner === handlerId || (db.isInTransaction() && queue.lastHandlerId === handlerId)) {
      batchOwner = null;
      abandoned = true;
    }
    void queue.processQueue();
  };
}
