// GET /search-index.json – every lesson section, built at build time for the client-side search
import { buildSearchIndex } from "@/lib/content/source";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(buildSearchIndex());
}
