import Link from "next/link";

export const metadata = { title: "No access" };

export default function ForbiddenPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p>This page is for another role. If you think that is a mistake, ask an administrator.</p>
      <Link href="/" className="text-sky-700 underline dark:text-sky-400">
        Back to the catalog
      </Link>
    </div>
  );
}
