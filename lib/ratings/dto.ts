/** A reader's own vote on a page, as the API returns it. */
import type { RatingReason } from "./reasons";

export interface OwnRating {
  helpful: boolean;
  reason: RatingReason | null;
  comment: string | null;
  /** The lesson's content version when the vote was last cast. */
  contentVersion: string;
  /** Whether the lesson changed since (the reader may want to look again). */
  outdated: boolean;
  updatedAt: string;
}
