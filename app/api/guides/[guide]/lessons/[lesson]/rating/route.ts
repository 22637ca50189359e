import { requireLesson } from "@/lib/content/source";
import { clientIp } from "@/lib/http/client-ip";
import { json, readJsonBody, withRoute } from "@/lib/http/route";
import { currentLearner, learnerForWrite } from "@/lib/learners/identity";
import { getOwnRating } from "@/lib/ratings/queries";
import { rateLesson } from "@/lib/ratings/rate";

type Context = { params: Promise<{ guide: string; lesson: string }> };

// GET /api/guides/{guide}/lessons/{lesson}/rating – the caller's own vote ({ rating: null } if none).
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { guide, lesson } = await params;
  requireLesson(guide, lesson);
  return json({ rating: await getOwnRating(await currentLearner(), guide, lesson) });
});

// PUT …/rating – { helpful, reason?, comment? } replaces the caller's vote on the page (one per
// reader and page). A first-time reader becomes a guest.
export const PUT = withRoute<Context>(async (req, { params }) => {
  const { guide, lesson } = await params;
  requireLesson(guide, lesson);
  const body = await readJsonBody(req);
  const { learner, remember } = await learnerForWrite();
  const rating = await rateLesson(learner, guide, lesson, body, { ip: clientIp(req.headers) });
  await remember();
  return json({ rating });
});
