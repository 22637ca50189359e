/**
 * How each piece of a lesson renders. Server components only, except the copy button island and
 * the "try it" panels (loaded on demand).
 * The author-facing API is documented in docs/content-format.md.
 */
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import type { MDXComponents } from "mdx/types";
import type { CalloutKind } from "@/lib/content/schemas";
import { TryIt } from "../try-it/try-it";
import { CopyButton } from "./copy-button";

const CALLOUTS: Record<CalloutKind, { icon: string; label: string; className: string }> = {
  key: { icon: "💡", label: "Key point", className: "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60" },
  warning: { icon: "⚠️", label: "Watch out", className: "border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/50" },
  term: { icon: "📝", label: "Terminology", className: "border-violet-600 bg-violet-50 dark:border-violet-400 dark:bg-violet-950/50" },
  note: { icon: "ℹ️", label: "Note", className: "border-zinc-500 bg-zinc-50 dark:border-zinc-400 dark:bg-zinc-900" },
  tip: { icon: "✅", label: "Tip", className: "border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/50" },
};

export function Callout({ kind, title, children }: { kind: CalloutKind; title?: string; children: ReactNode }) {
  const style = CALLOUTS[kind];
  return (
    <aside aria-label={title ?? style.label} data-callout={kind} className={`my-6 rounded-r-md border-l-4 px-4 py-3 ${style.className}`}>
      <p className="mb-1 font-semibold">
        <span aria-hidden="true">{style.icon} </span>
        {title ?? style.label}
      </p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}

export function Explain({ children }: { children: ReactNode }) {
  return (
    <div data-explain className="mb-6 rounded-b-md border border-t-0 border-zinc-300 bg-zinc-50 px-4 py-3 dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 text-sm font-semibold uppercase tracking-wide text-zinc-700 dark:text-zinc-300">What just happened</p>
      <div className="callout-body">{children}</div>
    </div>
  );
}

export function Recap({ children }: { children: ReactNode }) {
  return <div data-recap className="recap my-4 rounded-md border border-zinc-300 px-4 py-3 dark:border-zinc-700">{children}</div>;
}

export function Diagram({ alt, content }: { alt: string; content: string }) {
  return (
    <figure className="my-6">
      <div
        role="img"
        aria-label={alt}
        tabIndex={0}
        data-diagram
        className="overflow-x-auto rounded-md border border-zinc-300 bg-zinc-50 p-4 dark:border-zinc-700 dark:bg-zinc-900"
      >
        <pre className="font-mono text-sm leading-relaxed whitespace-pre">{content}</pre>
      </div>
    </figure>
  );
}

const LANGUAGE_LABELS: Record<string, string> = {
  bash: "Shell", shell: "Shell", sh: "Shell", sql: "SQL", java: "Java", json: "JSON", typescript: "TypeScript", ts: "TypeScript",
  javascript: "JavaScript", js: "JavaScript", tsx: "TSX", yaml: "YAML", properties: "Properties", http: "HTTP", python: "Python", text: "Text",
};

function CodeBlock(props: ComponentProps<"pre"> & { "data-language"?: string }) {
  const lang = props["data-language"] ?? "text";
  return (
    <figure className="code-block">
      <figcaption>
        <span>{LANGUAGE_LABELS[lang] ?? lang}</span>
        <CopyButton />
      </figcaption>
      <pre {...props} />
    </figure>
  );
}

function heading(Tag: "h2" | "h3") {
  return function Heading({ id, children }: ComponentProps<"h2">) {
    return (
      <Tag id={id} className="group heading">
        {children}
        {id && (
          <a href={`#${id}`} className="heading-anchor" aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    );
  };
}

function Anchor({ href = "", children, ...rest }: ComponentProps<"a">) {
  if (href.startsWith("/")) return <Link href={href}>{children}</Link>;
  if (href.startsWith("#")) return <a href={href}>{children}</a>;
  return (
    <a href={href} rel="noopener noreferrer" {...rest}>
      {children}
    </a>
  );
}

function Table(props: ComponentProps<"table">) {
  return (
    <div className="my-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}

/** The components for one lesson's body (its "try it" panels need to know which lesson they are in). */
export const lessonComponents = (at: { guide: string; lesson: string }): MDXComponents => ({
  Callout,
  Explain,
  Recap,
  Diagram,
  TryIt: ({ scenario }: { scenario: string }) => <TryIt guide={at.guide} lesson={at.lesson} scenario={scenario} />,
  pre: CodeBlock,
  h2: heading("h2"),
  h3: heading("h3"),
  a: Anchor,
  table: Table,
});
