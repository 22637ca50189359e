/**
 * Every guide, lesson and quiz in content/ loads through the same loader the site uses, with no
 * problem: schema, links and anchors, quizzes.
 */
import { describe, expect, it } from "vitest";
import { checkAllContent, MIN_QUIZ_QUESTIONS } from "@/lib/content/check";
import { lessonKey } from "@/lib/content/load";

const { content, problems } = checkAllContent();

describe("content/", () => {
  it("should have no problems (npm run content:check)", () => {
    expect(problems).toEqual([]);
  });

  it("should hold the Kafka guide in three phases and the two guides it links to", () => {
    const kafka = content.guides.find((g) => g.slug === "kafka");
    expect(kafka?.phases.map((p) => p.title)).toEqual(["What Kafka Is", "Producing and Consuming for Real", "Production Reality"]);
    for (const phase of kafka!.phases) expect(phase.lessons.length).toBeGreaterThan(0);
    for (const slug of ["event-driven-architecture", "webhooks-and-message-queues"]) {
      const guide = content.guides.find((g) => g.slug === slug);
      expect(guide?.lessons.length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each([...content.lessons.values()].map((l) => [`${l.guide}/${l.slug}`, l] as const))(
    "%s should have a recap, a quiz and the reference page's building blocks",
    (_name, lesson) => {
      expect(lesson.headings.at(-1)?.text).toBe("Recap");
      expect(lesson.body).toMatch(/<Recap>/);
      expect(lesson.body).toMatch(/```[a-z]+[^\n]*\n[\s\S]*?```\s*\n\s*<Explain>/);
      expect(lesson.body).toMatch(/<Callout kind=/);
      expect(content.quizzes.get(lessonKey(lesson.guide, lesson.slug))!.questions.length).toBeGreaterThanOrEqual(MIN_QUIZ_QUESTIONS);
    },
  );

  it("should cover every section of the reference page in the Production Reality lesson", () => {
    const lesson = content.lessons.get("kafka/production-reality")!;
    const text = lesson.body;
    for (const needle of ["at-most-once", "at-least-once", "exactly-once", "ON CONFLICT", "idempotency key", "max.poll.interval.ms", "retention.ms", "cleanup.policy", "kafka-configs", "RabbitMQ", "```diagram"]) {
      expect(text.toLowerCase(), needle).toContain(needle.toLowerCase());
    }
    expect(lesson.links.map((l) => l.url)).toEqual(expect.arrayContaining(["/guides/event-driven-architecture", "/guides/webhooks-and-message-queues"]));
  });

  it("should give every lesson and question a content version that changes with its text", () => {
    const versions = new Set([...content.lessons.values()].map((l) => l.version));
    expect(versions.size).toBe(content.lessons.size);
    for (const quiz of content.quizzes.values()) {
      for (const q of quiz.questions) expect(q.version).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});
