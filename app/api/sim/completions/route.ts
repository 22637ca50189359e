import { cliCompletions } from "@/lib/sim";

// GET /api/sim/completions – what the "try it" terminal completes with Tab: the kafka-* tools the
// simulator emulates and their options. Built once at build time and served as a file, so the
// lesson pages do not carry it; a panel fetches it when it has a terminal.
export const dynamic = "force-static";

export function GET() {
  return Response.json(cliCompletions());
}
