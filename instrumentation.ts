/**
 * Runs once when the server process starts (Next's instrumentation hook), before any request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sendStringBodiesAsBuffers } = await import("./lib/http/string-bodies");
  sendStringBodiesAsBuffers();
}
