/**
 * Compiles a lesson's MDX body to React at build time: GFM, diagrams, heading ids and syntax
 * highlighting (shiki, both themes in CSS variables, so no highlighter ships to the browser).
 */
import "server-only";
import type { ReactElement } from "react";
import * as runtime from "react/jsx-runtime";
import { evaluate } from "@mdx-js/mdx";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { lessonComponents } from "@/app/_components/lesson/mdx-components";
import { CODE_THEMES, getHighlighter } from "./highlighter";
import { remarkDiagram } from "./remark-diagram";

/** Renders an (already validated) body of the lesson `at`. */
export async function renderLessonBody(body: string, at: { guide: string; lesson: string }): Promise<ReactElement> {
  const highlighter = await getHighlighter();
  const { default: Body } = await evaluate(body, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkDiagram],
    rehypePlugins: [
      rehypeSlug,
      [
        rehypeShikiFromHighlighter,
        highlighter,
        {
          themes: CODE_THEMES,
          defaultColor: false,
          fallbackLanguage: "text",
          transformers: [
            {
              pre(node: { properties: Record<string, unknown> }) {
                const lang = (this as unknown as { options: { lang: string } }).options.lang;
                node.properties["data-language"] = lang;
              },
            },
          ],
        },
      ],
    ],
  });
  return <Body components={lessonComponents(at)} />;
}
