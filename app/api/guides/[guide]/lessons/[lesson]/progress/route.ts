import { requireLesson } from "@/lib/content/source";
import { clientIp } from "@/lib/http/client-ip";
import { json, readJsonBody, withRoute } from "@/lib/http/route";
import { currentLearner, learnerForWrite } from "@/lib/learners/identity";
import { getLessonProgress } from "@/lib/progress/queries";
import { recordProgress, resetLessonProgress } from "@/lib/progress/record";

type Context = { params: Promise<{ guide: string; lesson: string }> };

// GET /api/guides/{guide}/lessons/{lesson}/progress – the caller's own progress in the lesson.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { guide, lesson } = await params;
  const meta = requireLesson(guide, lesson);
  return json({ progress: await getLessonProgress(await currentLearner(), meta) });
});

// PUT …/progress – { visited?: true, read?: true, section?, at? } merged into the caller's row
// (idempotent; timestamps never move backwards). A first-time reader becomes a guest.
export const PUT = withRoute<Context>(async (req, { params }) => {
  const { guide, lesson } = await params;
  requireLesson(guide, lesson);
  const body = await readJsonBody(req);
  const { learner, remember } = await learnerForWrite();
  const progress = await recordProgress(learner, guide, lesson, body, { ip: clientIp(req.headers) });
  await remember();
  return json({ progress });
});

// DELETE …/progress – the caller starts the lesson over (their own progress only).
export const DELETE = withRoute<Context>(async (req, { params }) => {
  const { guide, lesson } = await params;
  const meta = requireLesson(guide, lesson);
  const learner = await currentLearner();
  const progress = learner ? await resetLessonProgress(learner, guide, lesson, { ip: clientIp(req.headers) }) : await getLessonProgress(null, meta);
  return json({ progress });
});
