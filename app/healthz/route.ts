// GET /healthz – liveness: prerendered at build time, touches no database
export const dynamic = "force-static";

export function GET(): Response {
  return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
