import { json, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { getMyProgress } from "@/lib/progress/queries";

// GET /api/me/progress – every guide the caller (signed-in user, else this browser's guest) has
// started, with per-lesson progress; nobody else's. A reader with no identity yet has none.
export const GET = withRoute(async () => json(await getMyProgress(await currentLearner())));
