/**
 * The CSV exports: quoting that round-trips any text (commas, quotes, line breaks, accents) through
 * an RFC 4180 reader, formula-injection protection, and the streamed body.
 */
import { describe, expect, it } from "vitest";
import { csvCell, csvRow, csvStream } from "@/lib/instructor/csv";
import { parseCsv } from "../fixtures/csv";

describe("csv", () => {
  it("round-trips a comment holding commas, quotes, line breaks and accents", () => {
    const comment = 'It said "exactly once", but\r\nthe consumer, on restart,\nre-charged: Zoë\'s card';
    const line = csvRow(["learner@example.com", comment, 3, null, true]);
    expect(parseCsv(line)).toEqual([["learner@example.com", comment, "3", "", "true"]]);
    expect(line.endsWith("\r\n")).toBe(true);
  });

  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tleading tab", "'\tleading tab"],
    ["plain text", "plain text"],
    ["a-b=c", "a-b=c"],
  ])("neutralises %j as a formula", (input, stored) => {
    expect(parseCsv(csvRow([input]))[0]![0]).toBe(stored);
  });

  it("keeps numbers as numbers, negative ones included, and writes dates in ISO 8601", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(new Date("2026-11-27T10:00:00Z"))).toBe("2026-11-27T10:00:00.000Z");
  });

  it("streams a header and many rows (with a byte order mark), in order", async () => {
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [i, `row, ${i}`];
    }
    const bytes = new Uint8Array(await new Response(csvStream(["n", "text"], rows())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(parsed).toHaveLength(5001);
    expect(parsed[0]).toEqual(["n", "text"]);
    expect(parsed[4321]).toEqual(["4320", "row, 4320"]);
  });
});
