"use client";

import { useState } from "react";

/** Copies the code of the code block it sits in (read from the page, not shipped twice). */
export function CopyButton() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy(event: React.MouseEvent<HTMLButtonElement>) {
    const code = event.currentTarget.closest("figure")?.querySelector("pre")?.innerText ?? "";
    try {
      await navigator.clipboard.writeText(code.replace(/\n$/, ""));
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button
      type="button"
      onClick={copy}
      className="copy-button"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
      <span className="sr-only" aria-live="polite">
        {state === "copied" ? "Code copied to the clipboard" : ""}
      </span>
    </button>
  );
}
