"use client";

/**
 * What a reader sees when a page fails to render on the server: no detail of the failure, the
 * reference Next logs the error under (its digest), and a way to try again.
 */
import Link from "next/link";

// `retry` fetches the page's server components again and re-renders them (`reset` alone would only
// re-render what the browser already has, which cannot recover from a failure on the server).
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
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
        <button type="button" onClick={retry} className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white hover:bg-sky-900 dark:bg-sky-700 dark:hover:bg-sky-800">
          Try again
        </button>
        <Link href="/" className="py-1.5 text-sky-700 underline dark:text-sky-400">
          Back to the catalog
        </Link>
      </div>
    </div>
  );
}
