/**
 * Read-only replay of a "try it" session: the panel's view after any step of its command log,
 * with the command of that step and what it did. For the learner who owns the session, the
 * instructors of a cohort the learner is in that follows the session's guide, and admins; anyone
 * else gets 404, as if it did not exist.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Command } from "@/lib/sim";
import type { Learner } from "@/lib/learners/identity";
import { teachesLearner } from "@/lib/cohorts/access";
import { AppError } from "@/lib/errors";
import { findSessionForReview, rebuildState, storedCommand, type SessionOwner } from "./sessions";
import type { TimelineEntry } from "./timeline";
import { panelView, type PanelView } from "./view";

/** Who is asking: the learner of the request (user or guest) and the signed-in user, if any. */
export interface Viewer {
  learner: Learner | null;
  user: SessionUser | null;
}

export interface ReplayStep {
  sessionId: string;
  scenario: { id: string; title: string };
  /** How many commands the session holds. */
  steps: number;
  /** The step shown: the state after this many commands (0: the scenario's start). */
  step: number;
  /** The command of this step (null at step 0) and the timeline lines it produced. */
  command: Command | null;
  timeline: TimelineEntry[];
  view: PanelView;
}

/** Whether `viewer` may see a session of `owner`: the owner, an admin, or an instructor of a cohort the owner is in. */
async function mayReview(viewer: Viewer, owner: SessionOwner): Promise<boolean> {
  if (viewer.user?.role === "ADMIN") return true;
  const learner = viewer.learner;
  if (learner && (learner.kind === "user" ? owner.userId === learner.userId : owner.guestId === learner.guestId)) return true;
  // Guests are in no cohort: only their own browser sees their sessions.
  return owner.userId !== null && teachesLearner(viewer.user, owner.userId, owner.guide);
}

/** The session `id` after `step` commands (default: all of them), read-only; 404 unless the viewer may see it, 400 for a step out of range. */
export async function replaySession(viewer: Viewer, id: string, step?: number): Promise<ReplayStep> {
  const session = await findSessionForReview(id, (owner) => mayReview(viewer, owner));
  const at = step ?? session.version;
  if (at > session.version) {
    throw new AppError("BAD_REQUEST", { userMessage: `This session has ${session.version} step(s).`, fieldErrors: { step: [`must be at most ${session.version}`] } });
  }
  const [state, stored] = await Promise.all([rebuildState(session, at), at > 0 ? storedCommand(session.id, at) : null]);
  return {
    sessionId: session.id,
    scenario: { id: session.scenario.id, title: session.scenario.title },
    steps: session.version,
    step: at,
    command: stored?.command ?? null,
    timeline: stored?.timeline ?? [],
    view: panelView(session.scenario, state),
  };
}
