/**
 * The classic consumer group's partition assignors (range, roundrobin, sticky, cooperative-sticky),
 * the rebalance protocol a consumer's assignor list implies, and the coordinator's vote for the
 * group's assignor. Pure and deterministic.
 *
 * Behaviour follows kafka-semantics.md §3.6–3.7 and Apache Kafka's clients: RangeAssignor,
 * RoundRobinAssignor, AbstractPartitionAssignor.MemberInfo, AbstractStickyAssignor (3.8+, after
 * KAFKA-16277 sorted owned partitions by partition), CooperativeStickyAssignor and
 * ConsumerCoordinator; plus the group coordinator's ClassicGroup.selectProtocol. Rack awareness is
 * left out: simulated consumers have no client.rack.
 *
 * Kafka's sticky assignor walks its members in java.util.HashMap order, and that order decides
 * which members keep a maxQuota share of what they owned. The coordinator's vote also breaks ties
 * in HashMap order. Both are reproduced (javaHashOrder) so results match Kafka's, not merely
 * resemble them. The `members` argument order stands in for the JoinGroup response order: it only
 * breaks ties between member ids that land in the same HashMap bucket.
 */

export type AssignorName = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface AssignorMember {
  /** e.g. "c1-<uuid>"; members sort by it. */
  memberId: string;
  /** group.instance.id (static membership) or null. */
  instanceId: string | null;
  /** The subscription. */
  topics: string[];
  /** What it owned before this rebalance (eager sticky: its userData; cooperative: Subscription.ownedPartitions); [] for new members. */
  owned: TopicPartitionRef[];
  /** The generation in which it owned `owned` (-1 if none); when two members claim a partition the higher generation wins. */
  generation: number;
}

type Assignment = Map<string, TopicPartitionRef[]>;

/** Partitions handed over in a follow-up rebalance: tpKey → the partition and its new owner. */
type Transfers = Map<string, { tp: TopicPartitionRef; consumer: string }>;

const DEFAULT_GENERATION = -1;

/**
 * Kafka's general sticky path repeats its balancing pass until nothing moves and has no bound.
 * A simulator must always answer, so after this many passes it keeps what it has.
 */
const MAX_BALANCE_PASSES = 1000;

// ---------------------------------------------------------------------------------------------
// Ordering: Java's comparisons and java.util.HashMap's iteration order
// ---------------------------------------------------------------------------------------------

function tpKey(tp: TopicPartitionRef): string {
  // Topic names are limited to [a-zA-Z0-9._-], so NUL can never be part of one.
  return `${tp.topic}\u0000${tp.partition}`;
}

/** Same sign as Java's String.compareTo: JS compares strings by UTF-16 code unit too. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byTopicThenPartition(a: TopicPartitionRef, b: TopicPartitionRef): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

function byPartitionThenTopic(a: TopicPartitionRef, b: TopicPartitionRef): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}

/** MemberInfo.compareTo: static members first, by group.instance.id; then dynamic ones by member id. */
function compareMemberInfo(a: Member, b: Member): number {
  if (a.instanceId !== null && b.instanceId !== null) return compareStrings(a.instanceId, b.instanceId);
  if (a.instanceId !== null) return -1;
  if (b.instanceId !== null) return 1;
  return compareStrings(a.memberId, b.memberId);
}

/** java.lang.String.hashCode over UTF-16 code units, as a signed 32-bit int. */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's TopicPartition.hashCode. */
function javaTopicPartitionHash(tp: TopicPartitionRef): number {
  return (Math.imul(31, (31 + tp.partition) | 0) + javaStringHash(tp.topic)) | 0;
}

/** HashMap folds the high half of the hash into the low bits before masking by the table size. */
function bucketOf(hash: number, capacity: number): number {
  return (hash ^ (hash >>> 16)) & (capacity - 1);
}

/** Table size of a HashMap filled by put() from `new HashMap<>()`: 16, doubled once the size passes 3/4 of it. */
function filledCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

/**
 * The order a java.util.HashMap iterates keys put in `items` order: by bucket, and within a bucket
 * by insertion (a resize splits a bucket without reordering it). Ignores treeified buckets, which
 * need 8+ colliding keys in a table of 64+ slots.
 */
function javaHashOrder<T>(items: readonly T[], hash: (item: T) => number): T[] {
  const capacity = filledCapacity(items.length);
  return items
    .map((item, seq) => ({ item, seq, bucket: bucketOf(hash(item), capacity) }))
    .sort((a, b) => a.bucket - b.bucket || a.seq - b.seq)
    .map((e) => e.item);
}

/**
 * A java.util.HashSet<TopicPartition> as far as the sticky assignor observes it: membership and
 * which element an iterator yields first. Its table grows like HashMap's and never shrinks.
 */
class JavaTopicPartitionSet {
  private readonly entries = new Map<string, { tp: TopicPartitionRef; hash: number; seq: number }>();
  private capacity = 16;
  private nextSeq = 0;

  get size(): number {
    return this.entries.size;
  }

  add(tp: TopicPartitionRef): void {
    const key = tpKey(tp);
    if (this.entries.has(key)) return;
    this.entries.set(key, { tp, hash: javaTopicPartitionHash(tp), seq: this.nextSeq++ });
    if (this.entries.size > this.capacity * 0.75) this.capacity *= 2;
  }

  delete(tp: TopicPartitionRef): void {
    this.entries.delete(tpKey(tp));
  }

  first(): TopicPartitionRef | undefined {
    let best: { tp: TopicPartitionRef; bucket: number; seq: number } | undefined;
    for (const e of this.entries.values()) {
      const bucket = bucketOf(e.hash, this.capacity);
      if (!best || bucket < best.bucket || (bucket === best.bucket && e.seq < best.seq)) best = { tp: e.tp, bucket, seq: e.seq };
    }
    return best?.tp;
  }
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** A member with its subscription and owned partitions de-duplicated (Kafka treats both as sets). */
interface Member {
  memberId: string;
  instanceId: string | null;
  topics: string[];
  owned: TopicPartitionRef[];
  generation: number;
}

function normalizeMember(m: AssignorMember): Member {
  const seen = new Set<string>();
  const owned: TopicPartitionRef[] = [];
  for (const tp of m.owned) {
    if (seen.has(tpKey(tp))) continue;
    seen.add(tpKey(tp));
    owned.push({ topic: tp.topic, partition: tp.partition });
  }
  return { memberId: m.memberId, instanceId: m.instanceId, topics: [...new Set(m.topics)], owned, generation: m.generation };
}

/** Like AbstractPartitionAssignor: only topics some member subscribes to and the metadata knows, sorted by name. */
function subscribedPartitionCounts(members: readonly Member[], partitionsPerTopic: Record<string, number>): Map<string, number> {
  const topics = [...new Set(members.flatMap((m) => m.topics))].sort(compareStrings);
  const counts = new Map<string, number>();
  for (const topic of topics) {
    const n = Object.hasOwn(partitionsPerTopic, topic) ? partitionsPerTopic[topic] : undefined;
    if (n !== undefined && Number.isInteger(n) && n >= 0) counts.set(topic, n);
  }
  return counts;
}

/** Every partition of the counted topics, sorted by (topic, partition). */
function allPartitionsSorted(counts: Map<string, number>): TopicPartitionRef[] {
  const out: TopicPartitionRef[] = [];
  for (const [topic, n] of counts) for (let partition = 0; partition < n; partition++) out.push({ topic, partition });
  return out;
}

function isLivePartition(tp: TopicPartitionRef, counts: Map<string, number>): boolean {
  const n = counts.get(tp.topic);
  return n !== undefined && Number.isInteger(tp.partition) && tp.partition >= 0 && tp.partition < n;
}

function emptyAssignment(members: readonly Member[]): Assignment {
  return new Map(members.map((m) => [m.memberId, []]));
}

function listOf(assignment: Assignment, consumer: string): TopicPartitionRef[] {
  const list = assignment.get(consumer);
  if (!list) throw new Error(`assignors: no assignment list for member ${consumer}`);
  return list;
}

/** List.remove(Object): drops the first equal partition, if any. */
function removePartition(list: TopicPartitionRef[], tp: TopicPartitionRef): void {
  const i = list.findIndex((x) => x.topic === tp.topic && x.partition === tp.partition);
  if (i >= 0) list.splice(i, 1);
}

// ---------------------------------------------------------------------------------------------
// range and roundrobin
// ---------------------------------------------------------------------------------------------

/** RangeAssignor: each topic on its own, contiguous ranges, the first P % M members get one extra. */
function rangeAssign(members: readonly Member[], counts: Map<string, number>): Assignment {
  const assignment = emptyAssignment(members);
  for (const [topic, partitions] of counts) {
    const consumers = members.filter((m) => m.topics.includes(topic)).sort(compareMemberInfo);
    const base = Math.floor(partitions / consumers.length);
    const extra = partitions % consumers.length;
    consumers.forEach((m, i) => {
      const start = base * i + Math.min(i, extra);
      const length = base + (i < extra ? 1 : 0);
      const list = listOf(assignment, m.memberId);
      for (let partition = start; partition < start + length; partition++) list.push({ topic, partition });
    });
  }
  return assignment;
}

/** RoundRobinAssignor: one circular pass over the sorted members, skipping those not subscribed. */
function roundRobinAssign(members: readonly Member[], counts: Map<string, number>): Assignment {
  const assignment = emptyAssignment(members);
  const ring = [...members].sort(compareMemberInfo);
  let next = 0;
  for (const tp of allPartitionsSorted(counts)) {
    // Terminates: the topic is counted only because some member subscribes to it.
    while (!ring[next]!.topics.includes(tp.topic)) next = (next + 1) % ring.length;
    listOf(assignment, ring[next]!.memberId).push(tp);
    next = (next + 1) % ring.length;
  }
  return assignment;
}

// ---------------------------------------------------------------------------------------------
// sticky: shared input handling (AbstractStickyAssignor.allSubscriptionsEqual)
// ---------------------------------------------------------------------------------------------

interface Claims {
  allSubscriptionsEqual: boolean;
  /** Each member's still-valid previously owned partitions, in HashMap iteration order. */
  owned: Map<string, TopicPartitionRef[]>;
  /** Partitions two members of the same generation both claimed: nobody keeps them. */
  multiplyClaimed: Set<string>;
  maxGeneration: number;
}

interface StickyResult {
  assignment: Assignment;
  /** Known transfers (constrained path); null means the cooperative assignor must work them out. */
  transfers: Transfers | null;
}

function sameTopics(a: ReadonlySet<string>, topics: readonly string[]): boolean {
  return a.size === topics.length && topics.every((t) => a.has(t));
}

/**
 * Walks the members in HashMap order like Kafka, checking whether all subscriptions are equal and
 * settling partitions claimed twice: a higher generation takes the partition, an equal one voids it.
 * A claim to a partition that no longer exists is dropped too (Kafka only checks the topic, as
 * partition counts never shrink).
 */
function resolveClaims(ordered: readonly Member[], counts: Map<string, number>): Claims {
  const claims: Claims = { allSubscriptionsEqual: true, owned: new Map(), multiplyClaimed: new Set(), maxGeneration: DEFAULT_GENERATION };
  const generationOf = new Map(ordered.map((m) => [m.memberId, m.generation]));
  const ownerOf = new Map<string, string>();
  let subscribed = new Set<string>();
  for (const m of ordered) {
    // Kafka re-seeds the reference subscription while it is empty, so empty ones are skipped first.
    if (subscribed.size === 0) subscribed = new Set(m.topics);
    else if (claims.allSubscriptionsEqual && !sameTopics(subscribed, m.topics)) claims.allSubscriptionsEqual = false;
    claims.maxGeneration = Math.max(claims.maxGeneration, m.generation);
    const mine: TopicPartitionRef[] = [];
    claims.owned.set(m.memberId, mine);
    for (const tp of m.owned) {
      if (!isLivePartition(tp, counts)) continue;
      const key = tpKey(tp);
      const other = ownerOf.get(key);
      const otherGeneration = other === undefined ? undefined : (generationOf.get(other) ?? DEFAULT_GENERATION);
      if (other === undefined) {
        mine.push(tp);
      } else if (m.generation === otherGeneration) {
        claims.multiplyClaimed.add(key);
        removePartition(listOf(claims.owned, other), tp);
      } else if (otherGeneration !== undefined && m.generation > otherGeneration) {
        mine.push(tp);
        removePartition(listOf(claims.owned, other), tp);
      } else {
        continue; // the older claim loses; the other member keeps the partition
      }
      ownerOf.set(key, m.memberId);
    }
  }
  return claims;
}

/** AbstractStickyAssignor.assignPartitions: the constrained path if all subscriptions are equal, else the general one. */
function stickyAssign(members: readonly Member[], counts: Map<string, number>): StickyResult {
  const ordered = javaHashOrder(members, (m) => javaStringHash(m.memberId));
  const claims = resolveClaims(ordered, counts);
  if (claims.allSubscriptionsEqual) return constrainedAssign(ordered, counts, claims);
  return { assignment: new GeneralStickyAssignment(ordered, counts, claims).build(), transfers: null };
}

// ---------------------------------------------------------------------------------------------
// sticky: constrained path (ConstrainedAssignmentBuilder)
// ---------------------------------------------------------------------------------------------

interface Quota {
  min: number;
  max: number;
  /** How many members end with max when P % M != 0 (zero when min == max). */
  expectedOverMin: number;
  overMin: number;
}

interface ConstrainedState {
  assignment: Assignment;
  revoked: Set<string>;
  /** Members still below minQuota (a LinkedList iterated with removal in Kafka). */
  underMin: string[];
  /** Members at minQuota that may still take one more (a queue in Kafka). */
  atMin: string[];
  transfers: Transfers;
}

function constrainedAssign(ordered: readonly Member[], counts: Map<string, number>, claims: Claims): StickyResult {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const n = ordered.length;
  const quota: Quota = { min: Math.floor(total / n), max: Math.ceil(total / n), expectedOverMin: total % n, overMin: 0 };
  const state: ConstrainedState = { assignment: emptyAssignment(ordered), revoked: new Set(), underMin: [], atMin: [], transfers: new Map() };
  keepOwnedPartitions(claims, quota, state);
  const assigned = new Set([...state.assignment.values()].flat().map(tpKey));
  const unassigned = allPartitionsSorted(counts).filter((tp) => !assigned.has(tpKey(tp)));
  state.underMin.sort(compareStrings);
  state.atMin.sort(compareStrings);
  fillRoundRobin(unassigned, quota, state, claims.multiplyClaimed);
  return { assignment: state.assignment, transfers: state.transfers };
}

/**
 * Step 1: each member keeps what it owned, sorted by (partition, topic) so a member's share spreads
 * over topics (KAFKA-16277), up to its quota. The first members in HashMap order that own at least
 * maxQuota keep maxQuota until P % M members do; the rest keep minQuota. The excess is revoked.
 */
function keepOwnedPartitions(claims: Claims, quota: Quota, state: ConstrainedState): void {
  for (const [consumer, claimed] of claims.owned) {
    const owned = [...claimed].sort(byPartitionThenTopic).filter((tp) => !claims.multiplyClaimed.has(tpKey(tp)));
    const mine = listOf(state.assignment, consumer);
    if (owned.length < quota.min) {
      mine.push(...owned);
      state.underMin.push(consumer);
    } else if (owned.length >= quota.max && quota.overMin < quota.expectedOverMin) {
      quota.overMin++;
      // Every maxQuota slot is taken, so nobody at minQuota can grow any more.
      if (quota.overMin === quota.expectedOverMin) state.atMin.length = 0;
      keepFirst(owned, quota.max, mine, state.revoked);
    } else {
      keepFirst(owned, quota.min, mine, state.revoked);
      if (quota.overMin < quota.expectedOverMin) state.atMin.push(consumer);
    }
  }
}

function keepFirst(owned: TopicPartitionRef[], count: number, mine: TopicPartitionRef[], revoked: Set<string>): void {
  mine.push(...owned.slice(0, count));
  for (const tp of owned.slice(count)) revoked.add(tpKey(tp));
}

/**
 * Step 2: deal the unassigned partitions (sorted by topic, partition) round-robin over the members
 * below minQuota (sorted by id); once none is left, one each to members at minQuota, in order,
 * until the maxQuota slots are used. This reproduces Kafka's iterator: it restarts from the head
 * of the shrinking under-minQuota list whenever it runs off the end.
 */
function fillRoundRobin(unassigned: readonly TopicPartitionRef[], quota: Quota, state: ConstrainedState, multiplyClaimed: Set<string>): void {
  let cursor = 0;
  for (const tp of unassigned) {
    let consumer: string;
    let fromUnderMin = true;
    if (cursor < state.underMin.length) {
      consumer = state.underMin[cursor++]!;
    } else if (state.underMin.length > 0) {
      cursor = 0;
      consumer = state.underMin[cursor++]!;
    } else {
      const next = state.atMin.shift();
      // Kafka throws IllegalStateException here too: the quotas always leave room.
      if (next === undefined) throw new Error("assignors: sticky assignor ran out of members below their quota");
      consumer = next;
      fromUnderMin = false;
    }
    const count = giveNewPartition(tp, consumer, state, multiplyClaimed);
    if (count === quota.min && fromUnderMin) {
      state.underMin.splice(--cursor, 1);
      state.atMin.push(consumer);
    } else if (count === quota.max) {
      quota.overMin++;
    }
  }
}

/** Partitions revoked from another member (or voided by a double claim) change owner: the cooperative assignor hands them over later. */
function giveNewPartition(tp: TopicPartitionRef, consumer: string, state: ConstrainedState, multiplyClaimed: Set<string>): number {
  const mine = listOf(state.assignment, consumer);
  mine.push(tp);
  const key = tpKey(tp);
  if (state.revoked.has(key) || multiplyClaimed.has(key)) state.transfers.set(key, { tp, consumer });
  return mine.length;
}

// ---------------------------------------------------------------------------------------------
// sticky: general path (GeneralAssignmentBuilder)
// ---------------------------------------------------------------------------------------------

interface ConsumerPair {
  src: string;
  dst: string;
}

function pairKey(src: string, dst: string): string {
  return JSON.stringify([src, dst]);
}

/**
 * PartitionMovements: where each partition moved during this assignment, so that a later move in
 * the opposite direction moves back a partition of the same topic instead (Kafka's stickiness).
 */
class PartitionMovements {
  private readonly moves = new Map<string, ConsumerPair>();
  private readonly byTopic = new Map<string, Map<string, JavaTopicPartitionSet>>();

  /** getTheActualPartitionToBeMoved: prefer undoing an earlier opposite move of the same topic. */
  partitionToMove(tp: TopicPartitionRef, oldConsumer: string, newConsumer: string): TopicPartitionRef {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const from = this.moves.get(tpKey(tp))?.src ?? oldConsumer;
    return topicMoves.get(pairKey(newConsumer, from))?.first() ?? tp;
  }

  /** movePartition: a partition moving on keeps its original source; moving home erases the record. */
  record(tp: TopicPartitionRef, oldConsumer: string, newConsumer: string): void {
    const earlier = this.moves.get(tpKey(tp));
    if (!earlier) {
      this.add(tp, { src: oldConsumer, dst: newConsumer });
      return;
    }
    this.remove(tp, earlier);
    if (earlier.src !== newConsumer) this.add(tp, { src: earlier.src, dst: newConsumer });
  }

  private add(tp: TopicPartitionRef, pair: ConsumerPair): void {
    this.moves.set(tpKey(tp), pair);
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) this.byTopic.set(tp.topic, (topicMoves = new Map()));
    const key = pairKey(pair.src, pair.dst);
    let set = topicMoves.get(key);
    if (!set) topicMoves.set(key, (set = new JavaTopicPartitionSet()));
    set.add(tp);
  }

  private remove(tp: TopicPartitionRef, pair: ConsumerPair): void {
    this.moves.delete(tpKey(tp));
    const topicMoves = this.byTopic.get(tp.topic);
    const key = pairKey(pair.src, pair.dst);
    const set = topicMoves?.get(key);
    if (!topicMoves || !set) return;
    set.delete(tp);
    if (set.size === 0) topicMoves.delete(key);
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
  }
}

/** Sum over all pairs of members of the difference in partition counts (0 = perfectly balanced). */
function balanceScore(assignment: Assignment): number {
  const sizes = [...assignment.values()].map((l) => l.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  return score;
}

function copyAssignment(assignment: Assignment): Assignment {
  return new Map([...assignment].map(([c, l]) => [c, [...l]]));
}

/**
 * Kafka's general sticky algorithm for unequal subscriptions: keep every still-subscribed owned
 * partition, give each unassigned one to the least-loaded eligible member, then move partitions
 * from members with 2+ more than an eligible peer until balanced, reverting if that did not lower
 * the balance score. Kafka's TreeSet of members (by size, then id) is re-sorted on demand here;
 * its HashSet iteration is reproduced by JavaTopicPartitionSet. Deviations: consumers that Kafka
 * would dereference as null (a previous owner or peer that sits out the balancing) are skipped
 * instead of throwing, and the balancing loop stops after MAX_BALANCE_PASSES passes.
 */
class GeneralStickyAssignment {
  private readonly assignment: Assignment;
  private readonly ownerOf = new Map<string, string>();
  private readonly consumersOf = new Map<string, string[]>();
  private readonly topicsOf = new Map<string, string[]>();
  /** Members of Kafka's sortedCurrentSubscriptions (those taking part in balancing). */
  private readonly ranked = new Set<string>();
  private readonly movements = new PartitionMovements();
  private readonly sortedAllPartitions: TopicPartitionRef[];
  private readonly ordered: readonly Member[];
  private readonly counts: Map<string, number>;
  private readonly maxGeneration: number;
  private revocationRequired = false;

  constructor(ordered: readonly Member[], counts: Map<string, number>, claims: Claims) {
    this.ordered = ordered;
    this.counts = counts;
    this.maxGeneration = claims.maxGeneration;
    this.assignment = copyAssignment(claims.owned);
    for (const topic of counts.keys()) this.consumersOf.set(topic, []);
    for (const m of ordered) {
      const topics = m.topics.filter((t) => counts.has(t));
      this.topicsOf.set(m.memberId, topics);
      for (const t of topics) this.consumersOf.get(t)!.push(m.memberId);
    }
    for (const [consumer, list] of this.assignment) for (const tp of list) this.ownerOf.set(tpKey(tp), consumer);
    // TopicComparator: topics with fewer potential consumers first, then by name.
    const topics = [...counts.keys()].sort((a, b) => this.consumersOf.get(a)!.length - this.consumersOf.get(b)!.length || compareStrings(a, b));
    this.sortedAllPartitions = topics.flatMap((topic) => Array.from({ length: counts.get(topic)! }, (_, partition) => ({ topic, partition })));
  }

  build(): Assignment {
    const previous = this.previousOwners();
    const assigned = new Set(this.dropUnsubscribedOwned().map(tpKey));
    const unassigned = this.sortedAllPartitions.filter((tp) => !assigned.has(tpKey(tp)));
    for (const consumer of this.assignment.keys()) this.ranked.add(consumer);
    this.balance(previous, unassigned);
    return this.assignment;
  }

  /**
   * prepopulateCurrentAssignments: owners from older generations, the newest of them per partition.
   * Kafka keeps maxGeneration on the leader's assignor instance across rebalances; generations only
   * grow, so this round's maximum is the same number.
   */
  private previousOwners(): Map<string, { consumer: string; generation: number }> {
    const previous = new Map<string, { consumer: string; generation: number }>();
    for (const m of this.ordered) {
      if (m.generation >= this.maxGeneration) continue;
      for (const tp of m.owned) {
        const known = previous.get(tpKey(tp));
        if (!known || m.generation > known.generation) previous.set(tpKey(tp), { consumer: m.memberId, generation: m.generation });
      }
    }
    return previous;
  }

  /** Drops owned partitions of topics the owner no longer subscribes to; returns the kept ones. */
  private dropUnsubscribedOwned(): TopicPartitionRef[] {
    const kept: TopicPartitionRef[] = [];
    for (const [consumer, list] of this.assignment) {
      const topics = this.topicsOf.get(consumer) ?? [];
      const stays = list.filter((tp) => topics.includes(tp.topic));
      if (stays.length !== list.length) this.revocationRequired = true;
      this.assignment.set(consumer, stays);
      kept.push(...stays);
    }
    return kept;
  }

  private sizeOf(consumer: string): number {
    return this.assignment.get(consumer)?.length ?? 0;
  }

  /** sortedCurrentSubscriptions: fewest partitions first, then by member id. */
  private rankedOrder(): string[] {
    return [...this.ranked].sort((a, b) => this.sizeOf(a) - this.sizeOf(b) || compareStrings(a, b));
  }

  private leastLoadedFor(topic: string): string | undefined {
    return this.rankedOrder().find((c) => this.topicsOf.get(c)?.includes(topic));
  }

  private maxAssignmentSize(consumer: string): number {
    return (this.topicsOf.get(consumer) ?? []).reduce((sum, t) => sum + (this.counts.get(t) ?? 0), 0);
  }

  private balance(previous: Map<string, { consumer: string; generation: number }>, unassigned: TopicPartitionRef[]): void {
    const order = this.rankedOrder();
    const initializing = order.length === 0 || this.sizeOf(order[order.length - 1]!) === 0;
    for (const tp of unassigned) this.assignToLeastLoaded(tp);

    // Topics with a single potential consumer, and members that cannot change, sit out.
    const movable = (tp: TopicPartitionRef) => (this.consumersOf.get(tp.topic)?.length ?? 0) >= 2;
    const reassignable = this.sortedAllPartitions.filter(movable);
    const reassignableNew = unassigned.filter(movable);
    const fixed = new Map<string, TopicPartitionRef[]>();
    for (const consumer of this.topicsOf.keys()) {
      if (this.canParticipate(consumer)) continue;
      this.ranked.delete(consumer);
      fixed.set(consumer, listOf(this.assignment, consumer));
      this.assignment.delete(consumer);
    }

    const before = copyAssignment(this.assignment);
    const ownersBefore = new Map(this.ownerOf);
    // Without a subscription change, first try balancing by moving only the new partitions.
    if (!this.revocationRequired) this.performReassignments(reassignableNew, previous);
    // Kafka only looks at this second pass to decide whether to keep the result.
    const performed = this.performReassignments(reassignable, previous);
    if (!initializing && performed && balanceScore(this.assignment) >= balanceScore(before)) {
      this.assignment.clear();
      for (const [c, l] of before) this.assignment.set(c, l);
      this.ownerOf.clear();
      for (const [k, c] of ownersBefore) this.ownerOf.set(k, c);
    }
    for (const [consumer, list] of fixed) {
      this.assignment.set(consumer, list);
      this.ranked.add(consumer);
    }
  }

  /** maybeAssignPartition: to the least-loaded member subscribed to the topic. */
  private assignToLeastLoaded(tp: TopicPartitionRef): void {
    const consumer = this.leastLoadedFor(tp.topic);
    if (consumer === undefined) return;
    listOf(this.assignment, consumer).push(tp);
    this.ownerOf.set(tpKey(tp), consumer);
  }

  private canParticipate(consumer: string): boolean {
    const list = listOf(this.assignment, consumer);
    if (list.length < this.maxAssignmentSize(consumer)) return true;
    return list.some((tp) => (this.consumersOf.get(tp.topic)?.length ?? 0) >= 2);
  }

  /**
   * Balanced when sizes differ by at most one, or when no member could take a partition it is
   * subscribed to from a member holding at least two more than it.
   */
  private isBalanced(): boolean {
    const order = this.rankedOrder();
    if (order.length === 0 || this.sizeOf(order[0]!) >= this.sizeOf(order[order.length - 1]!) - 1) return true;
    const owner = new Map<string, string>();
    for (const [consumer, list] of this.assignment) for (const tp of list) owner.set(tpKey(tp), consumer);
    for (const consumer of order) {
      const count = this.sizeOf(consumer);
      if (count === this.maxAssignmentSize(consumer)) continue;
      const mine = new Set(listOf(this.assignment, consumer).map(tpKey));
      for (const topic of this.topicsOf.get(consumer) ?? []) {
        for (let partition = 0; partition < (this.counts.get(topic) ?? 0); partition++) {
          const key = tpKey({ topic, partition });
          const other = owner.get(key);
          if (!mine.has(key) && other !== undefined && count + 1 < this.sizeOf(other)) return false;
        }
      }
    }
    return true;
  }

  private performReassignments(partitions: readonly TopicPartitionRef[], previous: Map<string, { consumer: string; generation: number }>): boolean {
    let performed = false;
    let modified: boolean;
    let passes = 0;
    do {
      modified = false;
      for (const tp of partitions) {
        if (this.isBalanced()) break;
        const consumer = this.ownerOf.get(tpKey(tp));
        if (consumer === undefined || !this.assignment.has(consumer)) continue;
        const prior = previous.get(tpKey(tp));
        // Send a partition home to an older-generation owner when that rebalances.
        if (prior && this.assignment.has(prior.consumer) && this.sizeOf(consumer) > this.sizeOf(prior.consumer) + 1) {
          this.reassign(tp, prior.consumer);
          performed = modified = true;
          continue;
        }
        const peers = this.consumersOf.get(tp.topic) ?? [];
        if (!peers.some((o) => this.assignment.has(o) && this.sizeOf(consumer) > this.sizeOf(o) + 1)) continue;
        const target = this.leastLoadedFor(tp.topic);
        if (target === undefined) continue;
        this.reassign(tp, target);
        performed = modified = true;
      }
    } while (modified && ++passes < MAX_BALANCE_PASSES);
    return performed;
  }

  private reassign(tp: TopicPartitionRef, newConsumer: string): void {
    const consumer = this.ownerOf.get(tpKey(tp));
    if (consumer === undefined) return;
    this.move(this.movements.partitionToMove(tp, consumer, newConsumer), newConsumer);
  }

  /** processPartitionMovement. */
  private move(tp: TopicPartitionRef, newConsumer: string): void {
    const oldConsumer = this.ownerOf.get(tpKey(tp));
    if (oldConsumer === undefined) return;
    this.movements.record(tp, oldConsumer, newConsumer);
    removePartition(listOf(this.assignment, oldConsumer), tp);
    listOf(this.assignment, newConsumer).push(tp);
    this.ownerOf.set(tpKey(tp), newConsumer);
  }
}

// ---------------------------------------------------------------------------------------------
// cooperative-sticky (CooperativeStickyAssignor)
// ---------------------------------------------------------------------------------------------

/** computePartitionsTransferringOwnership: assigned to a member that did not own it, and given up by the member that did. */
function computeTransfers(members: readonly Member[], assignment: Assignment): Transfers {
  const added: Transfers = new Map();
  const revoked = new Set<string>();
  for (const m of members) {
    const assigned = listOf(assignment, m.memberId);
    const owned = new Set(m.owned.map(tpKey));
    const kept = new Set(assigned.map(tpKey));
    for (const tp of assigned) if (!owned.has(tpKey(tp))) added.set(tpKey(tp), { tp, consumer: m.memberId });
    for (const tp of m.owned) if (!kept.has(tpKey(tp))) revoked.add(tpKey(tp));
  }
  for (const key of added.keys()) if (!revoked.has(key)) added.delete(key);
  return added;
}

/** adjustAssignment: a partition changing owner is withheld until its old owner has revoked it. */
function cooperativeAdjust(members: readonly Member[], result: StickyResult): Assignment {
  const transfers = result.transfers ?? computeTransfers(members, result.assignment);
  for (const { tp, consumer } of transfers.values()) removePartition(listOf(result.assignment, consumer), tp);
  return result.assignment;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function runAssignor(name: AssignorName, members: readonly Member[], counts: Map<string, number>): Assignment {
  switch (name) {
    case "range":
      return rangeAssign(members, counts);
    case "roundrobin":
      return roundRobinAssign(members, counts);
    case "sticky":
      return stickyAssign(members, counts).assignment;
    case "cooperative-sticky":
      return cooperativeAdjust(members, stickyAssign(members, counts));
  }
}

/**
 * Kafka's assignor `name` on these members: memberId → partitions, each list sorted by (topic,
 * partition). Every member appears (possibly with []). Topics missing from partitionsPerTopic are
 * ignored, as are topics nobody subscribes to. Guarantees: only partitions of a member's own
 * subscription, each partition to at most one member, every partition of a subscribed topic
 * assigned (except those cooperative-sticky withholds for a follow-up rebalance), and the same
 * input always yields the same output. Member ids must be unique; their order in `members` only
 * breaks ties that Kafka breaks by JoinGroup order.
 */
export function assign(name: AssignorName, members: AssignorMember[], partitionsPerTopic: Record<string, number>): Record<string, TopicPartitionRef[]> {
  const normalized = members.map(normalizeMember);
  const out: Record<string, TopicPartitionRef[]> = {};
  if (normalized.length === 0) return out;
  const assignment = runAssignor(name, normalized, subscribedPartitionCounts(normalized, partitionsPerTopic));
  for (const m of normalized) out[m.memberId] = [...(assignment.get(m.memberId) ?? [])].sort(byTopicThenPartition);
  return out;
}

/** Rebalance protocols each assignor supports (ConsumerPartitionAssignor.supportedProtocols). */
const SUPPORTED_PROTOCOLS: Record<AssignorName, readonly ("eager" | "cooperative")[]> = {
  range: ["eager"],
  roundrobin: ["eager"],
  sticky: ["eager"],
  "cooperative-sticky": ["cooperative", "eager"],
};

/**
 * Which rebalance protocol a consumer uses for its configured assignor list: "cooperative" only if
 * every listed assignor supports it (only cooperative-sticky does), else "eager". ConsumerCoordinator
 * keeps the protocols all assignors share and takes the most advanced. An empty list (which Kafka
 * has no protocol for) counts as "eager".
 */
export function rebalanceProtocol(assignors: AssignorName[]): "eager" | "cooperative" {
  return assignors.length > 0 && assignors.every((a) => SUPPORTED_PROTOCOLS[a].includes("cooperative")) ? "cooperative" : "eager";
}

/**
 * The assignor a group uses, voted as the classic coordinator does (ClassicGroup.selectProtocol):
 * each member votes for its most preferred assignor that every member supports and the most votes
 * win. A tie goes to the assignor the coordinator's HashMap iterates first, which for these names
 * is sticky, range, roundrobin, cooperative-sticky. null if there are no members or no common
 * assignor. A member listing an assignor twice counts it once.
 */
export function chooseAssignor(preferences: AssignorName[][]): AssignorName | null {
  if (preferences.length === 0) return null;
  const lists = preferences.map((p) => [...new Set(p)]);
  const candidates = new Set(lists[0]!.filter((name) => lists.every((l) => l.includes(name))));
  if (candidates.size === 0) return null;
  const tally = new Map<AssignorName, number>();
  for (const list of lists) {
    const vote = list.find((name) => candidates.has(name));
    if (vote !== undefined) tally.set(vote, (tally.get(vote) ?? 0) + 1);
  }
  // Stream.max keeps the earlier of two equal entries, so only a strictly larger count wins.
  let best: AssignorName | null = null;
  for (const name of javaHashOrder([...tally.keys()], javaStringHash)) {
    if (best === null || tally.get(name)! > tally.get(best)!) best = name;
  }
  return best;
}
