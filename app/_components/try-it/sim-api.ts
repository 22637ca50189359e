/** The "try it" panel's calls to the sessions API. Errors come back as values with a message fit to show. */
import type { Command, SimEvent } from "@/lib/sim";
import type { SessionPayload } from "@/lib/try-it/payload";
import { callApi } from "../api/call";
import { identityWrite } from "../api/identity-gate";

export type CommandPayload = SessionPayload & { events: SimEvent[]; goalsReached: string[] };

const session = (id: string) => `/api/sim/sessions/${encodeURIComponent(id)}`;
const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/** Opening may mint the reader's guest identity: it waits its turn behind other such writes. */
export const openSession = (guide: string, lesson: string, scenario: string) =>
  identityWrite(() => callApi<SessionPayload>("/api/sim/sessions", post({ guide, lesson, scenario })), (r) => r.ok);

export const sendCommand = (id: string, command: Command, expectedVersion: number) => callApi<CommandPayload>(`${session(id)}/commands`, post({ command, expectedVersion }));

export const undoLast = (id: string, expectedVersion: number) => callApi<SessionPayload>(`${session(id)}/undo`, post({ expectedVersion }));

export const resetSession = (id: string) => callApi<SessionPayload>(`${session(id)}/reset`, { method: "POST" });
