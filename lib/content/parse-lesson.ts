/**
 * Parsing one lesson file: frontmatter, and the MDX body as a syntax tree from which the headings
 * (with the ids the rendered page gives them), section texts (for search), links (for the link
 * check) and authoring mistakes are read. No rendering happens here.
 */
import { createProcessor } from "@mdx-js/mdx";
import GithubSlugger from "github-slugger";
import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";
import { AUTHOR_COMPONENTS, CALLOUT_KINDS } from "./schemas";

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

export interface SectionText {
  heading: Heading | null;
  text: string;
}

export interface LessonLink {
  url: string;
  line: number;
}

export interface ParsedLesson {
  frontmatter: unknown;
  body: string;
  headings: Heading[];
  sections: SectionText[];
  links: LessonLink[];
  /** The scenario ids of the body's `<TryIt scenario="…" />` panels, in order. */
  tryIt: string[];
  /** Authoring mistakes, each with the line of the file it is on. */
  problems: string[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** `alt="..."` from a code fence's meta string. */
export function diagramAlt(meta: string | null | undefined): string | null {
  const match = /(?:^|\s)alt="([^"]*)"/.exec(meta ?? "");
  return match?.[1]?.trim() || null;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const attribute = (node: JsxElement, name: string) => node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name)?.value;

/** What is wrong with a `<TryIt>` element, if anything: it is a block of its own naming one scenario. */
function tryItProblem(node: JsxElement): string | null {
  const scenario = attribute(node, "scenario");
  if (typeof scenario !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(scenario)) return `<TryIt scenario="…"> needs a scenario id (lowercase words joined by dashes)`;
  if (node.type !== "mdxJsxFlowElement") return "<TryIt> must stand on its own line, between paragraphs";
  if (node.attributes.length !== 1 || node.children.length > 0) return `<TryIt scenario="${scenario}" /> takes no other attributes and no children`;
  return null;
}

const parser = createProcessor({ remarkPlugins: [remarkGfm] });

export function parseLesson(raw: string): ParsedLesson {
  const problems: string[] = [];
  const match = FRONTMATTER.exec(raw);
  if (!match) {
    return { frontmatter: null, body: raw, headings: [], sections: [], links: [], tryIt: [], problems: ["line 1: the file must start with a --- frontmatter block"] };
  }
  let frontmatter: unknown = null;
  try {
    frontmatter = parseYaml(match[1]!);
  } catch (error) {
    problems.push(`frontmatter: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const body = raw.slice(match[0].length);
  const lineOffset = match[0].split("\n").length - 1;
  let tree: Root;
  try {
    tree = parser.parse(body) as Root;
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    problems.push(`line ${(e.line ?? 0) + lineOffset}: MDX syntax error: ${e.reason ?? e.message}`);
    return { frontmatter, body, headings: [], sections: [], links: [], tryIt: [], problems };
  }
  const at = (node: { position?: { start: { line: number } } }) => `line ${(node.position?.start.line ?? 0) + lineOffset}`;

  const links: LessonLink[] = [];
  const tryIt: string[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case "heading":
        if (node.depth === 1) problems.push(`${at(node)}: use ## for sections; the title comes from the frontmatter`);
        break;
      case "mdxjsEsm":
        problems.push(`${at(node)}: import/export statements are not allowed`);
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        problems.push(`${at(node)}: {expressions} are not allowed (escape a literal brace as \\{)`);
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "(fragment)";
        if (!(AUTHOR_COMPONENTS as readonly string[]).includes(name)) {
          problems.push(`${at(node)}: <${name}> is not an allowed component (use ${AUTHOR_COMPONENTS.join(", ")})`);
        } else if (name === "Callout") {
          const kind = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "kind")?.value;
          if (typeof kind !== "string" || !(CALLOUT_KINDS as readonly string[]).includes(kind)) {
            problems.push(`${at(node)}: <Callout kind> must be one of ${CALLOUT_KINDS.join(", ")}`);
          }
        } else if (name === "TryIt") {
          const problem = tryItProblem(node);
          const scenario = attribute(node, "scenario") as string;
          if (problem) problems.push(`${at(node)}: ${problem}`);
          else if (tryIt.includes(scenario)) problems.push(`${at(node)}: <TryIt scenario="${scenario}" /> is already in this lesson; each scenario may appear once`);
          else tryIt.push(scenario);
        }
        break;
      }
      case "code":
        if (!node.lang) problems.push(`${at(node)}: a code block needs a language (\`\`\`bash, \`\`\`sql, \`\`\`text, ...)`);
        else if (node.lang === "diagram" && !diagramAlt(node.meta)) problems.push(`${at(node)}: a diagram needs alt="..." describing it`);
        break;
      case "link":
        links.push({ url: node.url, line: (node.position?.start.line ?? 0) + lineOffset });
        break;
    }
  });

  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const sections: SectionText[] = [{ heading: null, text: "" }];
  for (const node of tree.children as RootContent[]) {
    if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
      const text = toString(node);
      const heading: Heading = { depth: node.depth, text, id: slugger.slug(text) };
      headings.push(heading);
      sections.push({ heading, text: "" });
    } else if (node.type !== "heading") {
      const current = sections.at(-1)!;
      const piece = node.type === "code" && node.lang === "diagram" ? (diagramAlt(node.meta) ?? "") : toString(node);
      current.text = `${current.text} ${piece}`.trim();
    }
  }

  return { frontmatter, body, headings, sections: sections.filter((s) => s.heading || s.text), links, tryIt, problems };
}
