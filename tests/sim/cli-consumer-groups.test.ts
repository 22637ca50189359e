/**
 * kafka-consumer-groups golden tests: --describe (offsets, members, state) with the renderings of
 * kafka-semantics §2.3, banners on Kafka's streams, --list, --reset-offsets targets, dry-run and
 * execute, the refusal for an active group, and usage errors.
 */
import { describe, expect, it } from "vitest";
import type { CliGroupMember, CliGroupState } from "@/lib/sim/cli/host";
import { runCli } from "@/lib/sim/cli/index";
import { addTopic, fakeHost } from "./cli-fake-host";

const KG = "kafka-consumer-groups --bootstrap-server localhost:9092";
const C1 = "consumer-billing-1-3f0b6c2a-8d1e-4b7a-9c55-0e2f4a6b8c1d";
const C2 = "consumer-billing-2-91d4e7a0-2b3c-4d5e-8f70-a1b2c3d4e5f6";
const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join("");

function member(memberId: string, clientId: string, partitions: number[], instanceId: string | null = null): CliGroupMember {
  return { memberId, clientId, instanceId, host: "/127.0.0.1", assignment: partitions.map((partition) => ({ topic: "orders", partition })) };
}

/** orders: 5, 4 and 3 records; group billing with c1 on p0+p1 (committed 2 and 4), c2 on p2 (nothing committed). */
function cluster(state: CliGroupState = "Stable") {
  const host = fakeHost();
  addTopic(host, "orders", [["a", "b", "c", "d", "e"], ["a", "b", "c", "d"], ["a", "b", "c"]]);
  const members = state === "Empty" ? [] : [member(C1, "consumer-billing-1", [1, 0]), member(C2, "consumer-billing-2", [2])];
  host.groups.set("billing", {
    id: "billing",
    state,
    assignor: state === "Empty" ? "" : "range",
    members,
    committed: [
      { topic: "orders", partition: 0, offset: 2 },
      { topic: "orders", partition: 1, offset: 4 },
    ],
  });
  return host;
}

const OFFSETS_HEADER = "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID                                             HOST            CLIENT-ID";
const STABLE_OFFSETS = lines(
  "",
  OFFSETS_HEADER,
  `billing         orders          0          2               5               3               ${C1} /127.0.0.1      consumer-billing-1`,
  `billing         orders          1          4               4               0               ${C1} /127.0.0.1      consumer-billing-1`,
  `billing         orders          2          -               3               -               ${C2} /127.0.0.1      consumer-billing-2`,
);

describe("kafka-consumer-groups --describe (offsets)", () => {
  it("renders a stable group exactly (kafka-semantics §2.3)", () => {
    expect(runCli(`${KG} --describe --group billing`, cluster())).toEqual({ stdout: STABLE_OFFSETS, stderr: "", exitCode: 0 });
    expect(runCli(`${KG} --describe --group billing --offsets`, cluster()).stdout).toBe(STABLE_OFFSETS);
  });

  it("renders an empty group with its banner on stderr", () => {
    const host = cluster("Empty");
    host.groups.set("billing", { ...host.groups.get("billing")!, committed: [{ topic: "orders", partition: 0, offset: 5 }, { topic: "orders", partition: 1, offset: 4 }] });
    expect(runCli(`${KG} --describe --group billing`, host)).toEqual({
      stdout: lines(
        "",
        "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID",
        "billing         orders          0          5               5               0               -               -               -",
        "billing         orders          1          4               4               0               -               -               -",
      ),
      stderr: "\nConsumer group 'billing' has no active members.\n",
      exitCode: 0,
    });
  });

  it("warns on stderr while the group rebalances", () => {
    expect(runCli(`${KG} --describe --group billing`, cluster("PreparingRebalance"))).toEqual({ stdout: STABLE_OFFSETS, stderr: "\nWarning: Consumer group 'billing' is rebalancing.\n", exitCode: 0 });
    expect(runCli(`${KG} --describe --group billing`, cluster("CompletingRebalance")).stderr).toBe("\nWarning: Consumer group 'billing' is rebalancing.\n");
  });

  it("says on stdout that an unknown group does not exist", () => {
    expect(runCli(`${KG} --describe --group nope`, cluster())).toEqual({ stdout: "\nError: Consumer group 'nope' does not exist.\n", stderr: "", exitCode: 0 });
  });

  it("prints only the banner for an empty group without offsets, and widens columns for long names", () => {
    const host = cluster();
    host.groups.set("idle", { id: "idle", state: "Empty", assignor: "", members: [], committed: [] });
    expect(runCli(`${KG} --describe --group idle`, host)).toEqual({ stdout: "", stderr: "\nConsumer group 'idle' has no active members.\n", exitCode: 0 });
    addTopic(host, "a-rather-long-topic-name", 1);
    host.groups.set("g", { id: "g", state: "Empty", assignor: "", members: [], committed: [{ topic: "a-rather-long-topic-name", partition: 0, offset: 0 }] });
    expect(runCli(`${KG} --describe --group g`, host).stdout).toBe(
      lines(
        "",
        "GROUP           TOPIC                    PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID",
        "g               a-rather-long-topic-name 0          0               0               0               -               -               -",
      ),
    );
  });

  it("describes every group with --all-groups, sorted", () => {
    const host = cluster();
    host.groups.set("audit", { id: "audit", state: "Empty", assignor: "", members: [], committed: [] });
    const out = runCli(`${KG} --describe --all-groups`, host);
    expect(out.stdout).toBe(STABLE_OFFSETS);
    expect(out.stderr).toBe("\nConsumer group 'audit' has no active members.\n");
  });
});

describe("kafka-consumer-groups --describe --members / --state", () => {
  it("lists members (no GROUP-INSTANCE-ID without static members)", () => {
    expect(runCli(`${KG} --describe --group billing --members`, cluster()).stdout).toBe(
      lines(
        "",
        "GROUP           CONSUMER-ID                                             HOST            CLIENT-ID          #PARTITIONS     ",
        `billing         ${C1} /127.0.0.1      consumer-billing-1 2               `,
        `billing         ${C2} /127.0.0.1      consumer-billing-2 1               `,
      ),
    );
  });

  it("adds GROUP-INSTANCE-ID when a member is static, and ASSIGNMENT with --verbose", () => {
    const host = cluster();
    const g = host.groups.get("billing")!;
    host.groups.set("billing", { ...g, members: [member("c1-uuid1", "c1", [0, 1], "instance-1"), member("c2-uuid2", "c2", [])] });
    expect(runCli(`${KG} --describe --group billing --members --verbose`, host).stdout).toBe(
      lines(
        "",
        "GROUP           CONSUMER-ID     GROUP-INSTANCE-ID HOST            CLIENT-ID       #PARTITIONS     ASSIGNMENT",
        "billing         c1-uuid1        instance-1        /127.0.0.1      c1              2               orders(0,1)",
        "billing         c2-uuid2                          /127.0.0.1      c2              0               -",
      ),
    );
  });

  it("shows the group state with the coordinator", () => {
    expect(runCli(`${KG} --describe --group billing --state`, cluster())).toEqual({
      stdout: lines("", "GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS", "billing                   localhost:9092  (1)       range                Stable          2"),
      stderr: "",
      exitCode: 0,
    });
    expect(runCli(`${KG} --describe --group billing --state`, cluster("Empty")).stderr).toBe("\nConsumer group 'billing' has no active members.\n");
    expect(runCli(`${KG} --describe --group nope --state`, cluster()).stdout).toBe("\nError: Consumer group 'nope' does not exist.\n");
  });
});

describe("kafka-consumer-groups --list", () => {
  it("lists group ids, optionally with their states", () => {
    const host = cluster();
    host.groups.set("audit", { id: "audit", state: "Empty", assignor: "", members: [], committed: [] });
    expect(runCli(`${KG} --list`, host)).toEqual({ stdout: "audit\nbilling\n", stderr: "", exitCode: 0 });
    expect(runCli(`${KG} --list --state`, host).stdout).toBe(lines("GROUP                     STATE               ", "audit                     Empty               ", "billing                   Stable              "));
    expect(runCli(`${KG} --list --state stable`, host).stdout).toBe(lines("GROUP                     STATE               ", "billing                   Stable              "));
    expect(runCli(`${KG} --list --state bogus`, host).stderr.split("\n")[0]).toBe("Invalid state list 'bogus'. Valid states are: PreparingRebalance, CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling");
  });
});

describe("kafka-consumer-groups --reset-offsets", () => {
  const TABLE = "GROUP                          TOPIC                          PARTITION  NEW-OFFSET     ";
  const row = (p: number, offset: number) => `billing                        orders                         ${String(p).padEnd(10)} ${String(offset).padEnd(15)}`;

  it("refuses while the group is active, then prints an empty plan", () => {
    const host = cluster();
    expect(runCli(`${KG} --reset-offsets --group billing --topic orders --to-earliest --execute`, host)).toEqual({
      stdout: lines("", "Error: Assignments can only be reset if the group 'billing' is inactive, but the current state is Stable.", "", TABLE),
      stderr: "",
      exitCode: 0,
    });
    expect(host.group("billing")!.committed).toHaveLength(2);
  });

  it("plans --to-earliest (the log start offset) on --dry-run without committing", () => {
    const host = cluster("Empty");
    host.topics.get("orders")!.partitions[0]!.logStartOffset = 3;
    host.topics.get("orders")!.partitions[0]!.records.splice(0, 3);
    expect(runCli(`${KG} --reset-offsets --group billing --topic orders --to-earliest --dry-run`, host)).toEqual({ stdout: lines("", TABLE, row(0, 3), row(1, 0), row(2, 0)), stderr: "", exitCode: 0 });
    expect(host.group("billing")!.committed).toEqual([{ topic: "orders", partition: 0, offset: 2 }, { topic: "orders", partition: 1, offset: 4 }]);
  });

  it("commits --to-latest (the high watermark) on --execute", () => {
    const host = cluster("Empty");
    expect(runCli(`${KG} --reset-offsets --group billing --topic orders:0,2 --to-latest --execute`, host).stdout).toBe(lines("", TABLE, row(0, 5), row(2, 3)));
    expect(host.group("billing")!.committed).toEqual(expect.arrayContaining([{ topic: "orders", partition: 0, offset: 5 }, { topic: "orders", partition: 2, offset: 3 }, { topic: "orders", partition: 1, offset: 4 }]));
  });

  it("clamps --to-offset into [log start, high watermark]", () => {
    const host = cluster("Empty");
    host.topics.get("orders")!.partitions[1]!.logStartOffset = 2;
    host.topics.get("orders")!.partitions[1]!.records.splice(0, 2);
    expect(runCli(`${KG} --reset-offsets --group billing --topic orders --to-offset 1 --execute`, host).stdout).toBe(lines("", TABLE, row(0, 1), row(1, 2), row(2, 1)));
    expect(runCli(`${KG} --reset-offsets --group billing --topic orders --to-offset 99 --dry-run`, host).stdout).toBe(lines("", TABLE, row(0, 5), row(1, 4), row(2, 3)));
  });

  it("shifts committed offsets with --shift-by (clamped), over --all-topics", () => {
    const host = cluster("Empty");
    expect(runCli(`${KG} --reset-offsets --group billing --all-topics --shift-by -3 --dry-run`, host).stdout).toBe(lines("", TABLE, row(0, 0), row(1, 1)));
    expect(runCli(`${KG} --reset-offsets --group billing --all-topics --shift-by 2 --dry-run`, host).stdout).toBe(lines("", TABLE, row(0, 4), row(1, 4)));
    const out = runCli(`${KG} --reset-offsets --group billing --topic orders --shift-by 1 --dry-run`, host);
    expect(out.stderr.split("\n")[0]).toBe("Cannot shift offset for partition orders-2 since there is no current committed offset");
    expect(out.exitCode).toBe(1);
  });

  it("keeps committed offsets with --to-current (the high watermark where none)", () => {
    expect(runCli(`${KG} --reset-offsets --group billing --topic orders --to-current --dry-run`, cluster("Empty")).stdout).toBe(lines("", TABLE, row(0, 2), row(1, 4), row(2, 3)));
  });

  it("creates offsets for an unknown (Dead) group and exports CSV", () => {
    const host = cluster();
    expect(runCli(`${KG} --reset-offsets --group fresh --topic orders:1 --to-earliest --execute --export`, host).stdout).toBe("orders,1,0\n\n");
    expect(host.group("fresh")!.committed).toEqual([{ topic: "orders", partition: 1, offset: 0 }]);
  });

  it("acts as --dry-run without --execute, after a warning on stderr", () => {
    const host = cluster("Empty");
    const out = runCli(`${KG} --reset-offsets --group billing --topic orders --to-latest`, host);
    expect(out.stderr).toBe(
      "WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.\n",
    );
    expect(out.stdout).toBe(lines("", TABLE, row(0, 5), row(1, 4), row(2, 3)));
    expect(host.group("billing")!.committed.map((c) => c.offset)).toEqual([2, 4]);
  });

  it("fails for an unknown topic as the admin call does", () => {
    expect(runCli(`${KG} --reset-offsets --group billing --topic nope --to-latest --dry-run`, cluster("Empty"))).toEqual({
      stdout: "\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.\n",
      stderr: "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.\n",
      exitCode: 0,
    });
  });

  it("requires a scope and a scenario", () => {
    const first = (cmd: string) => runCli(cmd, cluster("Empty")).stderr.split("\n")[0];
    expect(first(`${KG} --reset-offsets --group billing --to-latest --dry-run`)).toBe("One of the reset scopes should be defined: --all-topics, --topic.");
    expect(first(`${KG} --reset-offsets --group billing --topic orders --dry-run`)).toBe(
      "Option '[reset-offsets]' requires one of the following scenarios: [[to-offset], [shift-by], [to-datetime], [by-duration], [to-earliest], [to-latest], [to-current], [from-file]]",
    );
    expect(first(`${KG} --reset-offsets --group billing --topic orders --to-latest --to-earliest --dry-run`)).toBe('Option "[to-earliest]" can\'t be used with option "[to-latest]"');
    expect(first(`${KG} --reset-offsets --group billing --topic orders --to-latest --dry-run --execute`)).toBe("Option [reset-offsets] only accepts one of [execute] and [dry-run]");
  });
});

describe("kafka-consumer-groups usage errors", () => {
  const out = (cmd: string) => runCli(cmd, cluster());

  it("requires --bootstrap-server, one action and a group", () => {
    expect(out("kafka-consumer-groups --list").stderr.split("\n")[0]).toBe('Missing required argument "[bootstrap-server]"');
    expect(out("kafka-consumer-groups --list").exitCode).toBe(1);
    expect(out(`${KG}`).stderr.split("\n")[0]).toBe("Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets");
    expect(out(`${KG} --describe`).stderr.split("\n")[0]).toBe("Option [describe] takes one of these options: [group], [all-groups]");
    expect(out(`${KG} --describe --group g --members --state`).stderr.split("\n")[0]).toBe("Option [describe] takes at most one of these options: [members], [offsets], [state]");
    expect(out(`${KG} --list --group g`).stderr.split("\n")[0]).toBe('Option "[group]" can\'t be used with option "[list]"');
    expect(out("kafka-consumer-groups").stderr.split("\n")[0]).toBe("This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.");
  });

  it("lets jopt-simple exceptions escape main, as the JVM reports them", () => {
    expect(out(`${KG} --list --foo`)).toEqual({ stdout: "", stderr: 'Exception in thread "main" joptsimple.UnrecognizedOptionException: foo is not a recognized option\n', exitCode: 1 });
    expect(out(`${KG} --list --members`).stderr).toBe('Exception in thread "main" joptsimple.UnavailableOptionException: Option(s) [members] are unavailable given other options on the command line\n');
  });
});
