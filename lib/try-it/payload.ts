/**
 * What the sessions API sends back: the session's version, the panel view computed from engine
 * state, the goals with whether each is reached, and the step's timeline. Shared by every route so
 * the panel always gets one shape.
 */
import "server-only";
import type { ClusterState, SimEvent } from "@/lib/sim";
import type { SessionRef } from "./sessions";
import { timeline, type TimelineEntry } from "./timeline";
import { panelView, type PanelView } from "./view";

export interface SessionPayload {
  sessionId: string;
  version: number;
  view: PanelView;
  goals: { id: string; title: string; explain: string; reachedAt: string | null }[];
  timeline: TimelineEntry[];
}

/** The payload for `session` at `state`, with the timeline of `events` (this step's). */
export function sessionPayload(session: SessionRef, state: ClusterState, events: readonly SimEvent[] = []): SessionPayload {
  return {
    sessionId: session.id,
    version: session.version,
    view: panelView(session.scenario, state),
    goals: session.scenario.goals.map((g) => ({ id: g.id, title: g.title, explain: g.explain, reachedAt: session.goals[g.id] ?? null })),
    timeline: timeline(events),
  };
}
