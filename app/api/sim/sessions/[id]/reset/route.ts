import { AppError } from "@/lib/errors";
import { json, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { currentPayload } from "@/lib/try-it/payload";
import { resetSession } from "@/lib/try-it/sessions";

type Context = { params: Promise<{ id: string }> };

// POST /api/sim/sessions/{id}/reset – back to the scenario's start (goals already reached stay).
export const POST = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  const learner = await currentLearner();
  if (!learner) throw new AppError("NOT_FOUND", { userMessage: "There is no such session." });
  const session = await resetSession(learner, id);
  return json(await currentPayload(session));
});
