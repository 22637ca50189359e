/**
 * What the sessions API sends back: the session's version, the panel view computed from engine
 * state, the goals with whether each is reached, and the step's timeline. Shared by every route so
 * the panel always gets one shape.
 */
import "server-only";
import type { ClusterState } from "@/lib/sim";
import { rebuildState, recentTimeline, type SessionRef } from "./sessions";
import type { TimelineEntry } from "./timeline";
import { panelView, type PanelView } from "./view";

export interface SessionPayload {
  sessionId: string;
  version: number;
  view: PanelView;
  /** Each goal; its explanation only once reached (it tells what the learner is meant to find out). */
  goals: { id: string; title: string; explain: string | null; reachedAt: string | null }[];
  /**
   * Timeline lines: after a command, that command's (the panel appends them); otherwise the
   * session's latest (the panel shows them instead of what it had).
   */
  timeline: TimelineEntry[];
}

/** The payload for `session` at `state`, with `lines` as its timeline. */
export function sessionPayload(session: SessionRef, state: ClusterState, lines: TimelineEntry[]): SessionPayload {
  return {
    sessionId: session.id,
    version: session.version,
    view: panelView(session.scenario, state),
    goals: session.scenario.goals.map((g) => {
      const reachedAt = session.goals[g.id] ?? null;
      return { id: g.id, title: g.title, explain: reachedAt ? g.explain : null, reachedAt };
    }),
    timeline: lines,
  };
}

/** The payload of a panel that (re)loads `session`: its current state and latest timeline lines. */
export async function currentPayload(session: SessionRef): Promise<SessionPayload> {
  const [state, lines] = await Promise.all([rebuildState(session), recentTimeline(session)]);
  return sessionPayload(session, state, lines);
}
