/**
 * kafka-console-producer and kafka-console-consumer golden tests: stdin lines to records
 * (LineMessageReader), DefaultMessageFormatter output, "Processed a total of N messages" on
 * stderr, and both tools' usage errors.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "@/lib/sim/cli/index";
import { addTopic, fakeHost } from "./cli-fake-host";

const KP = "kafka-console-producer --bootstrap-server localhost:9092";
const KCC = "kafka-console-consumer --bootstrap-server localhost:9092";
const records = (host: ReturnType<typeof fakeHost>, topic: string, p = 0) => host.topics.get(topic)!.partitions[p]!.records.map((r) => [r.key, r.value]);

describe("kafka-console-producer", () => {
  it("sends one record per stdin line and prints nothing", () => {
    const host = fakeHost();
    addTopic(host, "events", 1);
    expect(runCli(`${KP} --topic events\nhello\n\nworld\n`, host)).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(records(host, "events")).toEqual([[null, "hello"], [null, ""], [null, "world"]]);
  });

  it("splits keys with parse.key and key.separator (murmur2 picks the partition)", () => {
    const host = fakeHost();
    addTopic(host, "orders", 3);
    expect(runCli(`${KP} --topic orders --property parse.key=true --property key.separator=:\nk1:a\nk2:b:c`, host).exitCode).toBe(0);
    expect(records(host, "orders", 2)).toEqual([["k1", "a"]]);
    expect(records(host, "orders", 0)).toEqual([["k2", "b:c"]]);
  });

  it("uses a tab by default and null.marker for tombstones", () => {
    const host = fakeHost();
    addTopic(host, "t", 1);
    runCli(`${KP} --topic t --property parse.key=true --property null.marker=NULL\nk1\tv1\nk1\tNULL`, host);
    expect(records(host, "t").map(([, v]) => v)).toEqual(["v1", null]);
  });

  it("stops at a line without the key separator (exit 1), after sending the lines before it", () => {
    const host = fakeHost();
    addTopic(host, "t", 1);
    expect(runCli(`${KP} --topic t --property parse.key=true --property key.separator=:\nk:v\nno-key`, host)).toEqual({
      stdout: "",
      stderr: "org.apache.kafka.common.KafkaException: No key separator found on line number 2: 'no-key'\n",
      exitCode: 1,
    });
    expect(records(host, "t")).toHaveLength(1);
  });

  it("logs a refused send and goes on; --sync stops with exit 1", () => {
    const host = fakeHost();
    addTopic(host, "c", 1, { "cleanup.policy": "compact" });
    expect(runCli(`${KP} --topic c\nabc`, host)).toEqual({
      stdout: "",
      stderr:
        "ERROR Error when sending message to topic c with key: null, value: 3 bytes with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\n" +
        "org.apache.kafka.common.InvalidRecordException: Compacted topic cannot accept message without key in topic partition c-0.\n",
      exitCode: 0,
    });
    expect(runCli(`${KP} --topic c --sync\nabc\ndef`, host)).toEqual({
      stdout: "",
      stderr: "java.util.concurrent.ExecutionException: org.apache.kafka.common.InvalidRecordException: Compacted topic cannot accept message without key in topic partition c-0.\n",
      exitCode: 1,
    });
  });

  it("reports missing options with the usage", () => {
    const first = (cmd: string) => runCli(cmd, fakeHost()).stderr.split("\n")[0];
    expect(first("kafka-console-producer --topic t")).toBe("Missing required option(s) [bootstrap-server]");
    expect(first(`${KP}`)).toBe('Missing required argument "[topic]"');
    expect(first(`${KP} --topic t --nope`)).toBe("nope is not a recognized option");
    expect(first("kafka-console-producer --bootstrap-server localhost --topic t")).toBe("Please provide valid host:port like host1:9091,host2:9092");
    expect(runCli(`${KP} --topic t --property headers.delimiter=, --property parse.headers=true`, fakeHost()).stderr).toBe(
      "org.apache.kafka.common.KafkaException: headers.delimiter and headers.separator may not be equal\n",
    );
  });
});

describe("kafka-console-consumer", () => {
  function withRecords() {
    const host = fakeHost();
    addTopic(host, "orders", [["a", "b", null], ["c"]]);
    return host;
  }

  it("prints values from the beginning, then the count on stderr", () => {
    expect(runCli(`${KCC} --topic orders --from-beginning`, withRecords())).toEqual({ stdout: "a\nb\nnull\nc\n", stderr: "Processed a total of 4 messages\n", exitCode: 0 });
  });

  it("prints nothing new without --from-beginning (it starts at the end)", () => {
    expect(runCli(`${KCC} --topic orders`, withRecords())).toEqual({ stdout: "", stderr: "Processed a total of 0 messages\n", exitCode: 0 });
  });

  it("prints keys with print.key and key.separator, and stops at --max-messages", () => {
    expect(runCli(`${KCC} --topic orders --from-beginning --property print.key=true --property key.separator=" => " --max-messages 2`, withRecords())).toEqual({
      stdout: "k0 => a\nk1 => b\n",
      stderr: "Processed a total of 2 messages\n",
      exitCode: 0,
    });
    expect(runCli(`${KCC} --topic orders --from-beginning --property print.key=true`, withRecords()).stdout).toBe("k0\ta\nk1\tb\nk2\tnull\nk0\tc\n");
  });

  it("prints timestamp, partition and offset fields in Kafka's order", () => {
    expect(runCli(`${KCC} --topic orders --partition 1 --offset earliest --property print.timestamp=true --property print.partition=true --property print.offset=true`, withRecords()).stdout).toBe(
      "CreateTime:1000\tPartition:1\tOffset:0\tc\n",
    );
  });

  it("reads one partition from an offset", () => {
    expect(runCli(`${KCC} --topic orders --partition 0 --offset 1`, withRecords()).stdout).toBe("b\nnull\n");
  });

  it("commits for --group and resumes from the committed offsets", () => {
    const host = withRecords();
    expect(runCli(`${KCC} --topic orders --group g --from-beginning --max-messages 1`, host).stdout).toBe("a\n");
    expect(host.group("g")!.committed).toContainEqual({ topic: "orders", partition: 0, offset: 1 });
    expect(runCli(`${KCC} --topic orders --group g`, host).stdout).toBe("b\nnull\nc\n");
  });

  it("logs the TimeoutException with --timeout-ms", () => {
    expect(runCli(`${KCC} --topic orders --from-beginning --timeout-ms 1000`, withRecords()).stderr).toBe(
      "ERROR Error processing message, terminating consumer process:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\norg.apache.kafka.common.errors.TimeoutException\nProcessed a total of 4 messages\n",
    );
  });

  it("honours read_committed", () => {
    const host = withRecords();
    host.topics.get("orders")!.partitions[0]!.lastStableOffset = 1;
    expect(runCli(`${KCC} --topic orders --partition 0 --offset 0 --isolation-level read_committed`, host).stdout).toBe("a\n");
  });

  it("reports usage errors with Kafka's first line", () => {
    const first = (cmd: string) => runCli(cmd, withRecords()).stderr.split("\n")[0];
    expect(first(`${KCC} --from-beginning`)).toBe("Exactly one of --include/--topic is required. ");
    expect(first(`${KCC} --topic orders --offset 3`)).toBe("The partition is required when offset is specified.");
    expect(first(`${KCC} --topic orders --partition 0 --offset 3 --from-beginning`)).toBe("Options from-beginning and offset cannot be specified together.");
    expect(first(`${KCC} --topic orders --partition 0 --offset x`)).toBe("The provided offset value 'x' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.");
    expect(first(`${KCC} --topic orders --partition 0 --group g`)).toBe("Options group and partition cannot be specified together.");
    expect(first("kafka-console-consumer --topic orders")).toBe('Missing required argument "[bootstrap-server]"');
    expect(runCli(`${KCC} --topic orders --from-beginning --consumer-property auto.offset.reset=latest`, withRecords())).toEqual({
      stdout: "",
      stderr: "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option\n",
      exitCode: 1,
    });
    expect(runCli(`${KCC} --topic orders --partition x`, withRecords()).stderr).toBe('Exception in thread "main" joptsimple.OptionArgumentConversionException: Cannot parse argument \'x\' of option partition\n');
  });
});
