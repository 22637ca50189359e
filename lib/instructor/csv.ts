/**
 * CSV for the instructor exports (RFC 4180): every cell quoted when it holds a comma, a quote or a
 * line break, quotes doubled, CRLF between rows, so a comment round-trips through any spreadsheet.
 * Cells that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or carriage
 * return) get a leading apostrophe, so an exported comment can never execute.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null and undefined are empty; numbers and booleans as written; dates in ISO 8601. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are data, not formulas: a negative score stays a number.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, ending with CRLF. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * A streamed CSV body: the header, then each row as `rows` yields it, encoded as it goes, so a
 * large export never sits in memory whole. Starts with a UTF-8 byte order mark so spreadsheets
 * read accents right.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<readonly unknown[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
        return;
      }
      // Rows in chunks: one enqueue per row would cost more than the rows themselves.
      let chunk = "";
      while (chunk.length < 64 * 1024) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvRow(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A CSV download. The file name is ours (never user text), so it needs no escaping. */
export function csvResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
