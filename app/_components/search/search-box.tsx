"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { searchEntries, type SearchEntry } from "@/lib/search/match";

/**
 * Site search over every lesson section. The index is a static file built with the site and
 * fetched the first time the box is used; matching runs in the browser, no service involved.
 * "/" anywhere on the page focuses the box.
 */
export function SearchBox() {
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState<SearchEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const loading = useRef(false);
  const listId = useId();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function load() {
    // One request, however many keystrokes arrive while it is on its way.
    if (index || failed || loading.current) return;
    loading.current = true;
    fetch("/search-index.json")
      .then(async (res) => setIndex((await res.json()) as SearchEntry[]))
      .catch(() => setFailed(true));
  }

  const open = query.trim().length >= 2;
  const results = useMemo(() => (index && open ? searchEntries(index, query, 8) : []), [index, query, open]);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((a) => Math.max(0, Math.min(a + 1, results.length - 1)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter" && results[active]) {
      event.preventDefault();
      window.location.assign(results[active].url);
    } else if (event.key === "Escape") {
      setQuery("");
    }
  }

  return (
    <div className="relative w-full sm:w-64" role="search">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search the guides
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        value={query}
        placeholder="Search  ( / )"
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        onFocus={load}
        onChange={(e) => {
          load();
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {open && (
        <div className="absolute right-0 z-50 mt-1 w-[min(90vw,28rem)] rounded-md border border-zinc-300 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <ul id={listId} role="listbox" aria-label="Search results" className="max-h-96 overflow-y-auto py-1">
            {results.map((r, i) => (
              // The option is the link itself: an option's content is presentational, so a link
              // inside one would be an interactive control nested in another. Arrows and Enter in
              // the box choose (aria-activedescendant), so the options are no Tab stops.
              <li key={r.url} role="none">
                <Link
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  tabIndex={-1}
                  href={r.url}
                  onClick={() => setQuery("")}
                  className={`block px-3 py-2 text-sm ${i === active ? "bg-sky-100 dark:bg-sky-950" : ""} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
                >
                  <span className="block font-medium">{r.section}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {r.guide} › {r.lesson}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {results.length === 0 && (
            <p className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400" role="status">
              {failed ? "Search is unavailable right now." : index ? "No results." : "Loading…"}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
