/**
 * `<TryIt scenario="…" />` in a lesson: the panel's title, intro and goals rendered with the page
 * (readable before any JavaScript, and by search engines), and the live panel loaded on demand.
 * The scenario was checked when the content was loaded; an unknown id fails the build.
 */
import { requireTryItScenario } from "@/lib/try-it/source";
import { TryItLoader } from "./try-it-loader";

export function TryIt({ guide, lesson, scenario: id }: { guide: string; lesson: string; scenario: string }) {
  const scenario = requireTryItScenario(id);
  const headingId = `try-it-${scenario.id}`;
  return (
    <section aria-labelledby={headingId} data-try-it={scenario.id} className="try-it not-prose my-8 rounded-lg border-2 border-sky-700 p-4 dark:border-sky-400">
      <p className="text-xs font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">
        <span aria-hidden="true">🧪 </span>Try it
      </p>
      <h3 id={headingId} className="mt-1 text-lg font-semibold">
        {scenario.title}
      </h3>
      <p className="mt-2 mb-4">{scenario.intro}</p>
      <TryItLoader guide={guide} lesson={lesson} scenario={scenario.id} advance={scenario.advance} terminal={scenario.terminal}>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {scenario.goals.map((g) => (
            <li key={g.id}>{`Goal: ${g.title}`}</li>
          ))}
        </ul>
        <noscript>
          <p className="mt-2 text-sm">The simulator needs JavaScript: it runs on our server and draws here.</p>
        </noscript>
      </TryItLoader>
    </section>
  );
}
