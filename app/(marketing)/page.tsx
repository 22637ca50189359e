import Link from "next/link";
import { ContinueLink } from "@/app/_components/progress/continue-link";
import { GuideProgressBar } from "@/app/_components/progress/guide-progress";
import { listGuides } from "@/lib/content/source";
import { formatMinutes, plural } from "@/lib/utils/format";

export default function HomePage() {
  const guides = listGuides();
  return (
    <div className="space-y-12">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Technical guides you actually learn from</h1>
        <p className="max-w-2xl text-lg text-zinc-700 dark:text-zinc-300">
          Read a lesson, check your understanding with a short quiz, then try the idea on a live simulator. Your progress is
          kept, so you can pick up where you left off on any device.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="#guides" className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800">
            Browse the guides
          </Link>
          <Link href="/sign-up" className="rounded-md border border-zinc-300 px-4 py-2 font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Create a free account
          </Link>
        </div>
        <ContinueLink />
      </section>
      <section id="guides" aria-labelledby="guides-heading" className="space-y-4">
        <h2 id="guides-heading" className="text-2xl font-semibold">
          Guides
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {guides.map((guide) => (
            <li key={guide.slug} className="flex flex-col rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
              <h3 className="text-lg font-semibold">
                <Link href={`/guides/${guide.slug}`} className="text-sky-800 hover:underline dark:text-sky-300">
                  {guide.title}
                </Link>
              </h3>
              <p className="mt-2 flex-1 text-sm text-zinc-700 dark:text-zinc-300">{guide.summary}</p>
              <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
                {plural(guide.lessons.length, "lesson")} · {formatMinutes(guide.minutes)}
              </p>
              <GuideProgressBar guide={guide.slug} compact />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
