import { AppError } from "@/lib/errors";
import { json, readJson, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { currentPayload } from "@/lib/try-it/payload";
import { undoSchema } from "@/lib/try-it/schemas";
import { undoCommand } from "@/lib/try-it/sessions";

type Context = { params: Promise<{ id: string }> };

// POST /api/sim/sessions/{id}/undo – { expectedVersion } → the session without its last command.
export const POST = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const body = await readJson(req, undoSchema);
  const learner = await currentLearner();
  if (!learner) throw new AppError("NOT_FOUND", { userMessage: "There is no such session." });
  const session = await undoCommand(learner, id, body.expectedVersion);
  return json(await currentPayload(session));
});
