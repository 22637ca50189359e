/**
 * Tab completion in the panel's terminal: tool names first, then the options the tool parses
 * (taken from the simulator's own option tables), like a shell.
 */
import { describe, expect, it } from "vitest";
import { complete } from "@/app/_components/try-it/complete";
import { cliCompletions } from "@/lib/sim";

const table = cliCompletions();

describe("terminal completion", () => {
  it("offers every emulated tool, with every option it accepts", () => {
    expect(Object.keys(table).sort()).toEqual(["kafka-configs.sh", "kafka-console-consumer.sh", "kafka-console-producer.sh", "kafka-consumer-groups.sh", "kafka-topics.sh"]);
    expect(table["kafka-topics.sh"]).toEqual(expect.arrayContaining(["--bootstrap-server", "--create", "--describe", "--partitions", "--topic", "--help"]));
    expect(table["kafka-consumer-groups.sh"]).toContain("--reset-offsets");
  });

  it.each([
    ["kafka-top", "kafka-topics.sh "],
    ["bin/kafka-conf", "bin/kafka-configs.sh "],
    ["kafka-topics.sh --boot", "kafka-topics.sh --bootstrap-server "],
    ["kafka-topics --boot", "kafka-topics --bootstrap-server "],
    ["kafka-topics.sh -desc", "kafka-topics.sh --describe "],
    ["kafka-console-p", "kafka-console-producer.sh "],
    ["kafka-consumer-groups.sh --bootstrap-server x --reset", "kafka-consumer-groups.sh --bootstrap-server x --reset-offsets "],
  ])("completes %j to %j", (input, value) => {
    expect(complete(table, input)).toEqual({ kind: "completed", value });
  });

  it("completes to the longest shared prefix, then lists the choices", () => {
    expect(complete(table, "kafka-c")).toEqual({ kind: "completed", value: "kafka-con" });
    expect(complete(table, "kafka-con")).toEqual({ kind: "choices", choices: ["kafka-configs.sh", "kafka-console-consumer.sh", "kafka-console-producer.sh", "kafka-consumer-groups.sh"] });
    const choices = complete(table, "kafka-topics.sh --de");
    expect(choices).toEqual({ kind: "choices", choices: expect.arrayContaining(["--delete", "--describe"]) });
  });

  it("does not offer an option already on the line", () => {
    expect(complete(table, "kafka-topics.sh --describe --bootstrap-server x --desc")).toEqual({ kind: "none" });
  });

  it("has nothing to complete on an empty line, after a space, for an argument, an unknown tool or a multi-line input", () => {
    for (const input of ["", "   ", "kafka-topics.sh ", "kafka-topics.sh --topic pay", "kcat -", "kafka-console-producer.sh --topic t\nkey:va"]) {
      expect(complete(table, input), input).toEqual({ kind: "none" });
    }
  });
});
