/**
 * kafka-configs golden tests: the E5 example of scenario-contract.md, --describe [--all] output
 * (kafka-semantics §2.1), alter/delete and ConfigCommand's error paths.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "@/lib/sim/cli/index";
import { addTopic, fakeHost } from "./cli-fake-host";

const KC = "kafka-configs --bootstrap-server localhost:9092";
const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });

describe("kafka-configs on topics", () => {
  it("reproduces E5 exactly", () => {
    const host = fakeHost();
    addTopic(host, "orders", 3);
    const describeCmd = `${KC} --entity-type topics --entity-name orders --describe`;
    expect(runCli(describeCmd, host)).toEqual(ok("Dynamic configs for topic orders are:\n"));
    expect(runCli(`${KC} --entity-type topics --entity-name orders --alter --add-config retention.ms=86400000,cleanup.policy=compact`, host)).toEqual(ok("Completed updating config for topic orders.\n"));
    expect(runCli(describeCmd, host)).toEqual(
      ok(
        "Dynamic configs for topic orders are:\n" +
          "  cleanup.policy=compact sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}\n" +
          "  retention.ms=86400000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=86400000}\n",
      ),
    );
  });

  it("accepts --topic for --entity-type topics --entity-name and the .sh name", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1, { "retention.ms": "1000" });
    expect(runCli("bin/kafka-configs.sh --bootstrap-server localhost:9092 --topic orders --describe", host)).toEqual(
      ok("Dynamic configs for topic orders are:\n  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000}\n"),
    );
  });

  it("describes every config with --all, static broker configs included", () => {
    const host = fakeHost({ "log.segment.bytes": "1073741824" });
    addTopic(host, "orders", 1, { "cleanup.policy": "compact" });
    const lines = runCli(`${KC} --entity-type topics --entity-name orders --describe --all`, host).stdout.split("\n");
    expect(lines[0]).toBe("All configs for topic orders are:");
    expect(lines).toHaveLength(1 + 36 + 1);
    expect(lines[1]).toBe("  cleanup.policy=compact sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}");
    expect(lines).toContain("  retention.ms=604800000 sensitive=false synonyms={}");
    expect(lines).toContain("  segment.bytes=1073741824 sensitive=false synonyms={STATIC_BROKER_CONFIG:log.segment.bytes=1073741824, DEFAULT_CONFIG:log.segment.bytes=1073741824}");
    expect(lines).toContain("  min.cleanable.dirty.ratio=0.5 sensitive=false synonyms={DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5}");
    expect(lines).toContain("  follower.replication.throttled.replicas= sensitive=false synonyms={}");
  });

  it("describes all topics when no name is given", () => {
    const host = fakeHost();
    addTopic(host, "a", 1);
    addTopic(host, "b", 1, { "retention.bytes": "100" });
    expect(runCli(`${KC} --entity-type topics --describe`, host)).toEqual(
      ok("Dynamic configs for topic a are:\nDynamic configs for topic b are:\n  retention.bytes=100 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.bytes=100, DEFAULT_CONFIG:log.retention.bytes=-1}\n"),
    );
  });

  it("groups list values in brackets and normalizes them", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1);
    expect(runCli(`${KC} --topic orders --alter --add-config 'cleanup.policy=[compact, delete],min.cleanable.dirty.ratio=1'`, host)).toEqual(ok("Completed updating config for topic orders.\n"));
    expect(host.topic("orders")!.overrides).toEqual({ "cleanup.policy": "compact,delete", "min.cleanable.dirty.ratio": "1.0" });
  });

  it("deletes overrides and refuses to delete one that is not set", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1, { "retention.ms": "1000", "cleanup.policy": "compact" });
    expect(runCli(`${KC} --topic orders --alter --delete-config retention.ms`, host)).toEqual(ok("Completed updating config for topic orders.\n"));
    expect(host.topic("orders")!.overrides).toEqual({ "cleanup.policy": "compact" });
    expect(runCli(`${KC} --topic orders --alter --delete-config retention.ms,segment.ms`, host)).toEqual({ stdout: "", stderr: "Invalid config(s): retention.ms,segment.ms\n", exitCode: 1 });
  });

  it("reports a refused alter as a failed admin call", () => {
    const host = fakeHost();
    addTopic(host, "orders", 1);
    const args = "--bootstrap-server localhost:9092 --topic orders --alter --add-config segment.bytes=-5";
    expect(runCli(`kafka-configs ${args}`, host)).toEqual({
      stdout: "",
      stderr: `Error while executing config command with args '${args}'\njava.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidConfigurationException: Invalid value -5 for configuration segment.bytes: Value must be at least 14\n`,
      exitCode: 1,
    });
    expect(runCli(`${KC} --topic orders --alter --add-config retention.hours=1`, host).stderr.split("\n")[1]).toBe(
      "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidConfigurationException: Unknown topic config name: retention.hours",
    );
    expect(host.topic("orders")!.overrides).toEqual({});
  });

  it("prints the header, then fails, for a missing topic", () => {
    const args = "--bootstrap-server localhost:9092 --entity-type topics --entity-name nope --describe";
    expect(runCli(`kafka-configs ${args}`, fakeHost())).toEqual({
      stdout: "Dynamic configs for topic nope are:\n",
      stderr: `Error while executing config command with args '${args}'\njava.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.\n`,
      exitCode: 1,
    });
  });

  it("describes the (empty) dynamic broker configs", () => {
    expect(runCli(`${KC} --entity-type brokers --entity-name 1 --describe`, fakeHost())).toEqual(ok("Dynamic configs for broker 1 are:\n"));
    expect(runCli(`${KC} --entity-type brokers --entity-default --describe`, fakeHost())).toEqual(ok("Default configs for brokers in the cluster are:\n"));
  });
});

describe("kafka-configs usage errors", () => {
  const err = (cmd: string) => runCli(cmd, fakeHost());

  it("prints ConfigCommand's messages on stderr with exit 1", () => {
    // Without a connection option only the ZooKeeper entity types are allowed: that check comes first.
    expect(err("kafka-configs --entity-type topics --entity-name t --describe")).toEqual({ stdout: "", stderr: "Invalid entity type topics, the entity type must be one of users, brokers with a --zookeeper argument\n", exitCode: 1 });
    expect(err("kafka-configs --entity-type brokers --entity-name 1 --describe").stderr).toBe("One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified\n");
    expect(err(`${KC} --entity-type topics --entity-name t --alter`).stderr).toBe("At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter\n");
    expect(err(`${KC} --entity-type topics --alter --add-config a=b`).stderr).toBe("an entity name must be specified with --alter of topics\n");
    expect(err(`${KC} --entity-type topic --entity-name t --describe`).stderr).toBe(
      "Invalid entity type topic, the entity type must be one of topics, clients, users, brokers, ips, broker-loggers, client-metrics with a --bootstrap-server or --bootstrap-controller argument\n",
    );
    expect(err(`${KC} --describe`).stderr).toBe("At least one entity type must be specified\n");
    expect(err(`${KC} --entity-type topics --topic t --describe`).stderr).toBe("Duplicate entity type(s) specified: topics\n");
    expect(err(`${KC} --entity-name x --topic t --describe`).stderr).toBe("--entity-{type,name,default} should not be used in conjunction with specific entity flags\n");
    expect(err(`${KC} --entity-type brokers --topic t --describe`).stderr).toBe("Only 'users' and 'clients' entity types may be specified together\n");
    expect(err(`${KC} --topic t --alter --add-config retention.ms`).stderr).toBe('Invalid entity config: all configs to be added must be in the format "key=val".\n');
    expect(err(`${KC} --topic t --describe --foo`)).toEqual({ stdout: "", stderr: "foo is not a recognized option\n", exitCode: 1 });
  });

  it("prints the usage for action mistakes", () => {
    const first = (cmd: string) => err(cmd).stderr.split("\n")[0];
    expect(first(`${KC} --topic t`)).toBe("Command must include exactly one action: --describe, --alter");
    expect(first(`${KC} --topic t --describe --add-config a=b`)).toBe('Option "[describe]" can\'t be used with option "[add-config]"');
    expect(first("kafka-configs")).toBe("This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip or client-metrics");
  });
});
