import { describe, expect, it } from "vitest";
import { searchEntries, type SearchEntry } from "@/lib/search/match";

const entry = (section: string, text: string, lesson = "L"): SearchEntry => ({ url: `/x#${section}`, guide: "G", lesson, section, text });

describe("searchEntries", () => {
  const index = [
    entry("Making duplicates harmless", "An idempotent consumer makes redelivery safe."),
    entry("Retention", "Old segments are deleted; nothing idempotent happens here."),
    entry("Idempotent producers", "The producer dedupes retries."),
  ];

  it("should rank a heading match above a text match", () => {
    expect(searchEntries(index, "idempotent").map((e) => e.section)).toEqual(["Idempotent producers", "Making duplicates harmless", "Retention"]);
  });

  it("should require every word and match word prefixes, ignoring case and accents", () => {
    expect(searchEntries(index, "IDEMP consumer").map((e) => e.section)).toEqual(["Making duplicates harmless"]);
    expect(searchEntries(index, "rétention").map((e) => e.section)).toEqual(["Retention"]);
    expect(searchEntries(index, "nothing-like-this")).toEqual([]);
    expect(searchEntries(index, "  ")).toEqual([]);
  });

  it("should cap the number of results", () => {
    expect(searchEntries(Array.from({ length: 20 }, (_, i) => entry(`s${i}`, "kafka")), "kafka", 8)).toHaveLength(8);
  });
});
