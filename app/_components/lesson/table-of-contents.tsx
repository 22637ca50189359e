"use client";

import { useEffect, useState } from "react";
import type { Heading } from "@/lib/content/parse-lesson";

/** "On this page": sticky on wide screens, highlighting the section being read. */
export function TableOfContents({ items }: { items: Heading[] }) {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const targets = items.map((i) => document.getElementById(i.id)).filter((e): e is HTMLElement => e !== null);
    const observer = new IntersectionObserver(
      () => {
        // The current section is the last heading above the top third of the screen.
        const line = window.innerHeight / 3;
        let current: string | null = targets[0]?.id ?? null;
        for (const target of targets) if (target.getBoundingClientRect().top < line) current = target.id;
        setActive(current);
      },
      { rootMargin: "0px 0px -66% 0px", threshold: [0, 1] },
    );
    targets.forEach((t) => observer.observe(t));
    return () => observer.disconnect();
  }, [items]);

  return (
    <nav aria-label="On this page" className="sticky top-4 text-sm">
      <p className="mb-2 font-semibold">On this page</p>
      <ol className="space-y-1">
        {items.map((item) => (
          <li key={item.id} className={item.depth === 3 ? "pl-3" : undefined}>
            <a
              href={`#${item.id}`}
              aria-current={active === item.id ? "location" : undefined}
              className="toc-link"
            >
              {item.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
