"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOut } from "next-auth/react";
import { settleBeforeSignOut } from "../progress/progress-queue";

interface Me {
  name: string;
  role: "LEARNER" | "INSTRUCTOR" | "ADMIN";
}

const linkClass =
  "rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800";

/**
 * The sign-in state in the header. A client island, so every page's HTML stays the same for every
 * visitor (and static pages stay static); it asks /api/me who is signed in.
 */
export function AccountMenu() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  // The header survives client-side navigation; signing in or out always navigates, so asking
  // again on every navigation keeps it current.
  const pathname = usePathname();

  useEffect(() => {
    let live = true;
    void fetch("/api/me", { cache: "no-store" })
      .then(async (res) => (res.ok ? ((await res.json()) as { user: Me }).user : null))
      .catch(() => null)
      .then((user) => live && setMe(user));
    return () => {
      live = false;
    };
  }, [pathname]);

  if (me === undefined) return <span className="inline-block h-8 w-28" aria-hidden="true" />;
  if (me === null) {
    return (
      <>
        <Link href="/sign-in" className={linkClass}>
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
          Sign up
        </Link>
      </>
    );
  }
  return (
    <>
      {me.role !== "LEARNER" && (
        <Link href="/instructor/cohorts" className={linkClass}>
          Cohorts
        </Link>
      )}
      {me.role === "ADMIN" && (
        <Link href="/admin/users" className={linkClass}>
          Admin
        </Link>
      )}
      <Link href="/me" className={linkClass} data-testid="account-link">
        {me.name}
      </Link>
      <button
        type="button"
        onClick={() => {
          // Progress still queued belongs to this account: send it (briefly) before signing out.
          void settleBeforeSignOut().then(() => signOut({ callbackUrl: "/" }));
        }}
        className={linkClass}
      >
        Sign out
      </button>
    </>
  );
}
