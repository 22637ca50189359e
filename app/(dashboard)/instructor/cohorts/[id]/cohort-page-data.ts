import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { requirePageUser, type SessionUser } from "@/lib/auth/session";
import type { CohortSummary } from "@/lib/cohorts/dto";
import { getCohortSummary } from "@/lib/cohorts/queries";
import { AppError } from "@/lib/errors";

/**
 * The signed-in instructor or admin and the cohort `id` for a cohort page: sign-in first (back to
 * `path`), /forbidden for anyone else, a 404 page for an unknown or malformed id. Once per request:
 * a page's generateMetadata and the page itself share the result.
 */
export const cohortForPage = cache(async (id: string, path: string): Promise<{ user: SessionUser; cohort: CohortSummary }> => {
  const user = await requirePageUser(path, "INSTRUCTOR", "ADMIN");
  const cohort = await getCohortSummary(user, id).catch(pageError);
  return { user, cohort };
});

/** What a cohort page does with an AppError from a query: forbidden and not-found pages. */
export function pageError(error: unknown): never {
  if (error instanceof AppError && error.code === "FORBIDDEN") redirect("/forbidden");
  if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
  throw error;
}
