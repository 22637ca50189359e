/** The rating island's calls to the rating API. */
import type { OwnRating } from "@/lib/ratings/dto";
import type { RatingReason } from "@/lib/ratings/reasons";
import { callApi, lessonApi } from "../api/call";
import { identityWrite } from "../api/identity-gate";

export interface Vote {
  helpful: boolean;
  reason?: RatingReason | null;
  comment?: string | null;
}

export const fetchOwnRating = (guide: string, lesson: string) => callApi<{ rating: OwnRating | null }>(`${lessonApi(guide, lesson)}/rating`);

export const putRating = (guide: string, lesson: string, vote: Vote) =>
  identityWrite(() => callApi<{ rating: OwnRating }>(`${lessonApi(guide, lesson)}/rating`, { method: "PUT", body: JSON.stringify(vote) }), (r) => r.ok);
