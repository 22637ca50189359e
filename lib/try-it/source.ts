/**
 * The "try it" scenarios the server runs, loaded once per process from content/try-it (the same
 * files `npm run content:check` validates). A file with problems is left out and its problems
 * logged, so one broken panel never takes the others down.
 */
import "server-only";
import { AppError } from "@/lib/errors";
import { loadTryItScenarios } from "./load";
import type { TryItScenario } from "./schemas";

let cache: Map<string, TryItScenario> | null = null;

function scenarios(): Map<string, TryItScenario> {
  if (!cache) {
    const loaded = loadTryItScenarios();
    for (const p of loaded.problems) console.error(`try-it scenario ${p.file}: ${p.message}`);
    cache = loaded.scenarios;
  }
  return cache;
}

/** The scenario `id`, or undefined when no file defines it (any more). */
export function findTryItScenario(id: string): TryItScenario | undefined {
  return scenarios().get(id);
}

/** The scenario `id`, or a 404 naming it. */
export function requireTryItScenario(id: string): TryItScenario {
  const found = scenarios().get(id);
  if (!found) throw new AppError("NOT_FOUND", { userMessage: `There is no "try it" scenario "${id}".` });
  return found;
}
