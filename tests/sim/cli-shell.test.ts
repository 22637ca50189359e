/**
 * Command-line handling shared by all tools: shell-like splitting and quoting, stdin lines, tool
 * names with `bin/` and `.sh`, unknown commands, jopt-simple parsing rules.
 */
import { describe, expect, it } from "vitest";
import { parseOptions, type OptionSpec } from "@/lib/sim/cli/args";
import { runCli } from "@/lib/sim/cli/index";
import { parseCommandLine, toolName } from "@/lib/sim/cli/shell";
import { formatUsage } from "@/lib/sim/cli/usage";
import { addTopic, fakeHost } from "./cli-fake-host";

const BS = "--bootstrap-server localhost:9092";

describe("parseCommandLine", () => {
  it("splits on whitespace and honours quotes and escapes", () => {
    expect(parseCommandLine(`a  'b c' "d \\"e\\" $f" g\\ h 'it''s'`)).toEqual({ ok: true, argv: ["a", "b c", 'd "e" $f', "g h", "its"], stdin: [] });
  });

  it("treats the lines after the command as stdin, without a trailing empty line", () => {
    expect(parseCommandLine("cmd --x\nk1:v1\n\nk2:v2\n")).toEqual({ ok: true, argv: ["cmd", "--x"], stdin: ["k1:v1", "", "k2:v2"] });
  });

  it("joins backslash-continued lines into the command", () => {
    expect(parseCommandLine("cmd --a 1 \\\n  --b 2\nstdin")).toEqual({ ok: true, argv: ["cmd", "--a", "1", "--b", "2"], stdin: ["stdin"] });
  });

  it("keeps a quoted newline and stops at a comment", () => {
    expect(parseCommandLine("cmd 'x\ny' # note")).toEqual({ ok: true, argv: ["cmd", "x\ny"], stdin: [] });
  });

  it("reports an unterminated quote", () => {
    expect(parseCommandLine("cmd 'oops")).toEqual({ ok: false, message: "unexpected EOF while looking for matching `''" });
  });

  it("normalizes tool names", () => {
    expect(["kafka-topics", "kafka-topics.sh", "bin/kafka-topics.sh", "./bin/kafka-topics.sh", "/opt/kafka/bin/kafka-topics.sh"].map(toolName)).toEqual(Array(5).fill("kafka-topics"));
  });
});

describe("runCli dispatch", () => {
  it("answers an unknown command like a shell", () => {
    expect(runCli("kafka-topicz --list", fakeHost())).toEqual({ stdout: "", stderr: "kafka-topicz: command not found\n", exitCode: 127 });
    expect(runCli("bin/kafka-foo.sh", fakeHost())).toEqual({ stdout: "", stderr: "bin/kafka-foo.sh: command not found\n", exitCode: 127 });
  });

  it("does nothing for an empty line and fails on a bad quote with exit 2", () => {
    expect(runCli("   ", fakeHost())).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(runCli(`kafka-topics ${BS} --list --topic "x`, fakeHost()).exitCode).toBe(2);
  });

  it("runs the same tool with or without bin/ and .sh", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1);
    const expected = { stdout: "orders\n", stderr: "", exitCode: 0 };
    for (const name of ["kafka-topics", "kafka-topics.sh", "bin/kafka-topics.sh"]) expect(runCli(`${name} ${BS} --list`, host)).toEqual(expected);
  });

  it("passes quoted values through as one argument", () => {
    const host = fakeHost();
    const out = runCli(`kafka-topics ${BS} --create --topic "my topic"`, host);
    expect(out.stdout).toBe(`Error while executing topic command : Topic name "my topic" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'\n`);
    expect(out.exitCode).toBe(1);
  });
});

describe("jopt-simple rules", () => {
  const specs: OptionSpec[] = [
    { name: "topic", arg: "required", description: "t" },
    { name: "state", arg: "optional", description: "s" },
    { name: "list", description: "l" },
    { name: "shift-by", arg: "required", type: "Long", description: "n" },
    { name: "names", arg: "required", separator: ",", description: "n" },
  ];

  it("takes --name=value, -name value and a required argument that starts with a dash", () => {
    const o = parseOptions(specs, ["--topic=a", "-list", "--shift-by", "-5", "--names", "x,y", "extra"]);
    expect([o.values("topic"), o.has("list"), o.values("shift-by"), o.values("names"), o.nonOptions]).toEqual([["a"], true, ["-5"], ["x", "y"], ["extra"]]);
  });

  it("takes an optional argument only when the next word is not an option", () => {
    expect(parseOptions(specs, ["--state", "--list"]).values("state")).toEqual([]);
    expect(parseOptions(specs, ["--state", "stable"]).values("state")).toEqual(["stable"]);
  });

  it("raises jopt-simple's messages", () => {
    expect(() => parseOptions(specs, ["--nope"])).toThrow(expect.objectContaining({ message: "nope is not a recognized option" }));
    expect(() => parseOptions(specs, ["--top", "a"])).toThrow(expect.objectContaining({ message: "top is not a recognized option" }));
    expect(() => parseOptions(specs, ["-xyz"])).toThrow(expect.objectContaining({ message: "x is not a recognized option" }));
    expect(() => parseOptions(specs, ["--topic"])).toThrow(expect.objectContaining({ message: "Option topic requires an argument", exceptionClass: "joptsimple.OptionMissingRequiredArgumentException" }));
  });

  it("formats the usage table like jopt-simple (80 columns, wrapped descriptions)", () => {
    const usage = formatUsage([{ name: "bootstrap-server", arg: "required", describedAs: "server to connect to", description: "REQUIRED: The Kafka server to connect to." }, { name: "list", description: "List all available topics." }]);
    expect(usage.split("\n")).toEqual([
      "Option                                   Description                            ",
      "------                                   -----------                            ",
      "--bootstrap-server <String: server to    REQUIRED: The Kafka server to connect  ",
      "  connect to>                              to.                                  ",
      "--list                                   List all available topics.             ",
      "",
    ]);
  });
});
