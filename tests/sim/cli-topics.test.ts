/**
 * kafka-topics golden tests: exact stdout/stderr/exit code of Kafka 3.x TopicCommand
 * (kafka-semantics §2.2; messages from TopicCommand, CommandLineUtils, KRaft's controller).
 */
import { describe, expect, it } from "vitest";
import { runCli } from "@/lib/sim/cli/index";
import { addTopic, fakeHost } from "./cli-fake-host";

const KT = "kafka-topics --bootstrap-server localhost:9092";
const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const failed = (message: string, type: string) => ({
  stdout: `Error while executing topic command : ${message}\n`,
  stderr: `ERROR ${type}: ${message}\n (org.apache.kafka.tools.TopicCommand)\n`,
  exitCode: 1,
});
const partitionLine = (t: string, p: number) => `\tTopic: ${t}\tPartition: ${p}\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: N/A\tLastKnownElr: N/A\n`;

describe("kafka-topics --create", () => {
  it("creates a topic", () => {
    const host = fakeHost();
    expect(runCli(`${KT} --create --topic orders --partitions 3 --replication-factor 1`, host)).toEqual(ok("Created topic orders.\n"));
    expect(host.topic("orders")).toMatchObject({ partitions: 3, overrides: {} });
  });

  it("passes normalized --config overrides and uses num.partitions by default", () => {
    const host = fakeHost({ "num.partitions": "2" });
    expect(runCli(`${KT} --create --topic t --config cleanup.policy=compact --config "min.cleanable.dirty.ratio = 1"`, host)).toEqual(ok("Created topic t.\n"));
    expect(host.topic("t")).toMatchObject({ partitions: 2, overrides: { "cleanup.policy": "compact", "min.cleanable.dirty.ratio": "1.0" } });
  });

  it("refuses an existing topic unless --if-not-exists", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1);
    expect(runCli(`${KT} --create --topic orders`, host)).toEqual(failed("Topic 'orders' already exists.", "org.apache.kafka.common.errors.TopicExistsException"));
    expect(runCli(`${KT} --create --topic orders --if-not-exists`, host)).toEqual(ok(""));
  });

  it("validates configs client-side with Kafka's texts", () => {
    const host = fakeHost();
    expect(runCli(`${KT} --create --topic t --config segment.bytes=1`, host)).toEqual(
      failed("Invalid value 1 for configuration segment.bytes: Value must be at least 14", "org.apache.kafka.common.errors.InvalidConfigurationException"),
    );
    expect(runCli(`${KT} --create --topic t --config retention.hours=1`, host).stdout).toBe("Error while executing topic command : Unknown topic config name: retention.hours\n");
    expect(runCli(`${KT} --create --topic t --config retention.ms`, host).stdout).toBe(
      'Error while executing topic command : requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".\n',
    );
    expect(host.listTopics()).toEqual([]);
  });

  it("refuses a replication factor above the single broker and bad counts", () => {
    const host = fakeHost();
    expect(runCli(`${KT} --create --topic t --replication-factor 3`, host).stdout).toBe(
      "Error while executing topic command : Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be reached because only 1 broker(s) are registered.\n",
    );
    expect(runCli(`${KT} --create --topic t --partitions 0`, host).stdout).toBe("Error while executing topic command : The partitions must be greater than 0\n");
    expect(runCli(`${KT} --create --topic t --partitions three`, host).stdout).toBe("Error while executing topic command : Cannot parse argument 'three' of option partitions\n");
  });

  it("warns about '.' and '_' and refuses colliding names", () => {
    const host = fakeHost();
    const warning = "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.\n";
    expect(runCli(`${KT} --create --topic my.events`, host)).toEqual(ok(`${warning}Created topic my.events.\n`));
    expect(runCli(`${KT} --create --topic my_events`, host).stdout).toBe(`${warning}Error while executing topic command : Topic 'my_events' collides with existing topic: my.events\n`);
  });
});

describe("kafka-topics --list and --describe", () => {
  it("lists topic names, one per line (an empty line when there are none)", () => {
    const host = fakeHost();
    expect(runCli(`${KT} --list`, host)).toEqual(ok("\n"));
    addTopic(host, "payments", 1);
    addTopic(host, "orders", 1);
    addTopic(host, "__consumer_offsets", 1);
    expect(runCli(`${KT} --list`, host)).toEqual(ok("__consumer_offsets\norders\npayments\n"));
    expect(runCli(`${KT} --list --exclude-internal`, host)).toEqual(ok("orders\npayments\n"));
    expect(runCli(`${KT} --list --topic 'ord.*'`, host)).toEqual(ok("orders\n"));
  });

  it("describes a topic with its non-default configs and one line per partition", () => {
    const host = fakeHost();
    addTopic(host, "orders", 3);
    expect(runCli(`${KT} --describe --topic orders`, host)).toEqual(
      ok(`Topic: orders\tTopicId: AbCdEfGhIjKlMnOpQrStUw\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: \n${partitionLine("orders", 0)}${partitionLine("orders", 1)}${partitionLine("orders", 2)}`),
    );
  });

  it("lists overrides and static broker configs in Configs (Java HashMap order)", () => {
    const host = fakeHost({ "log.segment.bytes": "1073741824" });
    addTopic(host, "orders", 1, { "retention.ms": "86400000", "cleanup.policy": "compact,delete", "min.insync.replicas": "1" });
    expect(runCli(`${KT} --describe --topic orders`, host).stdout).toBe(
      `Topic: orders\tTopicId: AbCdEfGhIjKlMnOpQrStUw\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: min.insync.replicas=1,cleanup.policy=compact,delete,retention.ms=86400000,segment.bytes=1073741824\n${partitionLine("orders", 0)}`,
    );
  });

  it("describes every topic without --topic, and filters with the report options", () => {
    const host = fakeHost();
    addTopic(host, "a", 1, {}, "AAAAAAAAAAAAAAAAAAAAAg");
    addTopic(host, "b", 1, { "retention.ms": "1000" }, "BBBBBBBBBBBBBBBBBBBBBg");
    expect(runCli(`${KT} --describe`, host).stdout).toBe(
      `Topic: a\tTopicId: AAAAAAAAAAAAAAAAAAAAAg\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n${partitionLine("a", 0)}Topic: b\tTopicId: BBBBBBBBBBBBBBBBBBBBBg\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: retention.ms=1000\n${partitionLine("b", 0)}`,
    );
    expect(runCli(`${KT} --describe --topics-with-overrides`, host).stdout).toBe("Topic: b\tTopicId: BBBBBBBBBBBBBBBBBBBBBg\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: retention.ms=1000\n");
    expect(runCli(`${KT} --describe --under-replicated-partitions`, host)).toEqual(ok(""));
    expect(runCli(`${KT} --describe --topic a --at-min-isr-partitions`, host)).toEqual(ok(partitionLine("a", 0)));
  });

  it("fails for a missing topic unless --if-exists", () => {
    const host = fakeHost();
    expect(runCli(`${KT} --describe --topic nope`, host)).toEqual(failed("Topic 'nope' does not exist as expected", "java.lang.IllegalArgumentException"));
    expect(runCli(`${KT} --describe --topic nope --if-exists`, host)).toEqual(ok(""));
  });
});

describe("kafka-topics --alter and --delete", () => {
  it("adds partitions silently", () => {
    const host = fakeHost();
    addTopic(host, "orders", 3);
    expect(runCli(`${KT} --alter --topic orders --partitions 6`, host)).toEqual(ok(""));
    expect(host.topic("orders")!.partitions).toBe(6);
  });

  it("refuses to shrink or keep the partition count (KRaft's texts)", () => {
    const host = fakeHost();
    addTopic(host, "orders", 3);
    expect(runCli(`${KT} --alter --topic orders --partitions 1`, host)).toEqual(
      failed("The topic orders currently has 3 partition(s); 1 would not be an increase.", "org.apache.kafka.common.errors.InvalidPartitionsException"),
    );
    expect(runCli(`${KT} --alter --topic orders --partitions 3`, host).stdout).toBe("Error while executing topic command : Topic already has 3 partition(s).\n");
    expect(runCli(`${KT} --alter --topic nope --partitions 3`, host).stdout).toBe("Error while executing topic command : Topic 'nope' does not exist as expected\n");
  });

  it("sends config changes to kafka-configs", () => {
    const out = runCli(`${KT} --alter --topic orders --partitions 4 --config retention.ms=1`, fakeHost());
    expect(out.stderr.split("\n")[0]).toBe('Option combination "[[bootstrap-server], [config]]" can\'t be used with option "[alter]" (To alter topic configurations, the kafka-configs tool can be used.)');
    expect(out.exitCode).toBe(1);
    expect(runCli(`${KT} --alter --topic orders`, fakeHost()).stderr.split("\n")[0]).toBe('Missing required argument "[partitions]"');
  });

  it("deletes a topic silently and fails for a missing one", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1);
    expect(runCli(`${KT} --delete --topic orders`, host)).toEqual(ok(""));
    expect(host.listTopics()).toEqual([]);
    expect(runCli(`${KT} --delete --topic orders`, host).stdout).toBe("Error while executing topic command : Topic 'orders' does not exist as expected\n");
    expect(runCli(`${KT} --delete --topic orders --if-exists`, host)).toEqual(ok(""));
  });
});

describe("kafka-topics usage errors", () => {
  const firstLine = (cmd: string) => {
    const out = runCli(cmd, fakeHost());
    return [out.stderr.split("\n")[0], out.stdout, out.exitCode];
  };

  it("requires --bootstrap-server (message and exception on stderr)", () => {
    expect(runCli("kafka-topics --list", fakeHost())).toEqual({
      stdout: "",
      stderr: "--bootstrap-server must be specified\njava.lang.IllegalArgumentException: --bootstrap-server must be specified\n",
      exitCode: 1,
    });
  });

  it("reports an unknown option like jopt-simple", () => {
    expect(runCli(`${KT} --list --foo`, fakeHost())).toEqual({ stdout: "", stderr: "foo is not a recognized option\njoptsimple.UnrecognizedOptionException: foo is not a recognized option\n", exitCode: 1 });
    expect(firstLine(`${KT} --create --topic`)).toEqual(["Option topic requires an argument", "", 1]);
  });

  it("prints the usage with Kafka's first line", () => {
    expect(firstLine("kafka-topics")).toEqual(["Create, delete, describe, or change a topic.", "", 1]);
    expect(firstLine(`${KT}`)).toEqual(["Command must include exactly one action: --list, --describe, --create, --alter or --delete", "", 1]);
    expect(firstLine(`${KT} --list --describe`)).toEqual(["Command must include exactly one action: --list, --describe, --create, --alter or --delete", "", 1]);
    expect(firstLine(`${KT} --create`)).toEqual(['Missing required argument "[topic]"', "", 1]);
    expect(firstLine(`${KT} --describe --partitions 3`)).toEqual(['Option "[partitions]" can\'t be used with option "[describe]"', "", 1]);
    expect(firstLine(`${KT} --alter --topic t --partitions 2 --replication-factor 1`)).toEqual(['Option "[replication-factor]" can\'t be used with option "[alter]"', "", 1]);
    const usage = runCli(`${KT}`, fakeHost()).stderr.split("\n");
    expect(usage.slice(1, 3)).toEqual(["Option                                   Description                            ", "------                                   -----------                            "]);
  });

  it("prints the version", () => {
    expect(runCli(`${KT} --version`, fakeHost())).toEqual(ok("3.9.0\n"));
  });
});
