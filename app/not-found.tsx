import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link href="/" className="text-sky-700 underline dark:text-sky-400">
        Back to the catalog
      </Link>
    </div>
  );
}
