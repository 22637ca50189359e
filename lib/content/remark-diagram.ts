/**
 * Turns ```diagram alt="..."``` fences into <Diagram alt content> elements before highlighting, so
 * drawings keep their layout and carry a text alternative.
 */
import type { Code, Root } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import { diagramAlt } from "./parse-lesson";

export function remarkDiagram() {
  return (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== "diagram" || !parent || index === undefined) return;
      const element: MdxJsxFlowElement = {
        type: "mdxJsxFlowElement",
        name: "Diagram",
        attributes: [
          { type: "mdxJsxAttribute", name: "alt", value: diagramAlt(node.meta) ?? "" },
          { type: "mdxJsxAttribute", name: "content", value: node.value },
        ],
        children: [],
      };
      parent.children.splice(index, 1, element);
    });
  };
}
