"use client";

/**
 * What a reader sees when a page fails to render on the server: no detail of the failure, the
 * reference Next logs the error under (its digest), and a way to try again.
 */
import Link from "next/link";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>This page could not be shown. Trying again often helps; if it keeps happening, tell us the reference below.</p>
      {error.digest && (
        <p>
          {"Reference: "}
          <code data-error-reference>{error.digest}</code>
        </p>
      )}
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white hover:bg-sky-900 dark:bg-sky-600 dark:hover:bg-sky-500">
          Try again
        </button>
        <Link href="/" className="py-1.5 text-sky-700 underline dark:text-sky-400">
          Back to the catalog
        </Link>
      </div>
    </div>
  );
}
