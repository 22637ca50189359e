import Link from "next/link";

export default function HomePage() {
  return (
    <div className="space-y-10">
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
      </section>
      <section id="guides" aria-labelledby="guides-heading" className="space-y-3">
        <h2 id="guides-heading" className="text-2xl font-semibold">
          Guides
        </h2>
        <p className="text-zinc-700 dark:text-zinc-300">The catalog is being written; the first guide covers Apache Kafka.</p>
      </section>
    </div>
  );
}
