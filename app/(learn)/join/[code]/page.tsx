import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { getInvitation } from "@/lib/cohorts/queries";
import { AppError } from "@/lib/errors";
import { JoinButton } from "./join-button";

export const metadata: Metadata = { title: "Join a cohort" };

type Params = { code: string };

// /join/{code}: what an instructor's join link opens. Anyone may see the cohort's name, guides and
// instructor; joining needs an account (sign-in and sign-up come back here).
export default async function JoinPage({ params }: { params: Promise<Params> }) {
  const { code } = await params;
  const here = `/join/${encodeURIComponent(code)}`;
  const [user, invitation] = await Promise.all([
    getCurrentUser(),
    getInvitation(code).catch((error: unknown) => {
      if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
      throw error;
    }),
  ]);
  if (!invitation) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">This join link does not work</h1>
        <p>No open cohort has this code. The link may be mistyped, or your instructor may have replaced it or closed the cohort: ask them for the current one.</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-sky-800 dark:text-sky-300">Join a cohort</p>
        <h1 className="text-2xl font-bold">{invitation.name}</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {`${invitation.instructor} invites you. The cohort follows `}
          {invitation.guides.map((g, i) => (
            <span key={g.slug}>
              {i > 0 && ", "}
              <Link href={`/guides/${g.slug}`} className="font-medium text-sky-800 underline dark:text-sky-300">
                {g.title}
              </Link>
            </span>
          ))}
          . Your instructor will see your progress and quiz answers in these guides.
        </p>
      </header>
      {user ? (
        <JoinButton code={code} firstGuide={invitation.guides[0]!.slug} signedInAs={user.name} />
      ) : (
        <p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="btn-primary inline-block">
            Sign in to join
          </Link>{" "}
          or{" "}
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className="font-medium text-sky-800 underline dark:text-sky-300">
            create a free account
          </Link>
          .
        </p>
      )}
    </div>
  );
}
