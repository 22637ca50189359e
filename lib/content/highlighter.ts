import "server-only";
import { createHighlighter, type Highlighter } from "shiki";

/** Languages highlighted at build time; anything else is shown as plain text. */
export const CODE_LANGUAGES = ["bash", "shell", "sql", "java", "json", "typescript", "javascript", "tsx", "yaml", "properties", "http", "python", "text"] as const;

// The high-contrast variants keep every token (comments included) at WCAG AA contrast.
export const CODE_THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

let highlighter: Promise<Highlighter> | undefined;

/** One shiki highlighter per process (loading grammars is the slow part). */
export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [...CODE_LANGUAGES] });
  return highlighter;
}
