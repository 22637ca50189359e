/**
 * Data for the instructor benchmark (bench/instructor.ts): a cohort's learners with a realistic
 * learning record in the Kafka guide, generated from a seeded PRNG (same seed, same rows) and
 * bulk-inserted with raw SQL (a few `unnest` statements per table), so 500 learners take seconds.
 *
 * The quizzes are the real ones (ids, question versions, answer keys, settings, choice counts), read
 * from content/guides by the app's own loader; attempts are scored by the app's own scoring
 * (lib/quizzes/scoring.ts) over the choice orders of lib/quizzes/shuffle.ts, so every row looks like
 * one POST …/quiz/attempts would have stored.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Client } from "pg";
import { mayReveal, scoreAttempt } from "../../lib/quizzes/scoring";
import { choiceOrders, toDisplayed } from "../../lib/quizzes/shuffle";

export interface SeedLesson {
  slug: string;
  order: number;
  /** Content version of the lesson file (what page ratings record). */
  version: string;
  /** Heading ids, in order (the `section` a learner was last in). */
  sections: string[];
}

export interface SeedQuiz {
  lesson: string;
  version: string;
  settings: { shuffle: boolean; reveal: "after-submit" | "after-pass" | "never"; passAt: number };
  questions: { id: string; version: string; answer: number; choices: number; explain: string }[];
}

export interface SeedContent {
  guide: string;
  lessons: SeedLesson[];
  quizzes: Map<string, SeedQuiz>;
}

/**
 * The guide's lessons and quizzes as the app loads them. lib/content/load.ts is server-only (it
 * reads answer keys), so it runs in a child process with the react-server condition, as
 * `npm run content:check` does, and prints what the seed needs as JSON.
 */
export function loadSeedContent(guide: string): SeedContent {
  const loader = pathToFileURL(path.resolve("lib/content/load.ts")).href;
  const code = `
    const { collectContent } = await import(${JSON.stringify(loader)});
    const { content, problems } = collectContent();
    if (problems.length) throw new Error(problems.map((p) => p.file + ": " + p.message).join("\\n"));
    const guide = content.guides.find((g) => g.slug === ${JSON.stringify(guide)});
    const quizzes = [...content.quizzes.values()].filter((q) => q.guide === guide.slug);
    process.stdout.write(JSON.stringify({
      lessons: guide.lessons.map((l) => ({ slug: l.slug, order: l.order, version: l.version, sections: l.headings.map((h) => h.id) })),
      quizzes: quizzes.map((q) => ({ lesson: q.lesson, version: q.version, settings: q.settings,
        questions: q.questions.map((x) => ({ id: x.id, version: x.version, answer: x.answer, choices: x.choices.length, explain: x.explain })) })),
    }));`;
  const out = execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "--input-type=module", "-e", code], {
    encoding: "utf8",
    maxBuffer: 16 * 2 ** 20,
  });
  const parsed = JSON.parse(out) as { lessons: SeedLesson[]; quizzes: SeedQuiz[] };
  return { guide, lessons: parsed.lessons, quizzes: new Map(parsed.quizzes.map((q) => [q.lesson, q])) };
}

/** mulberry32 with a few helpers: deterministic for a given seed. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hiExclusive: number): number {
    return lo + Math.floor(this.next() * (hiExclusive - lo));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** An index drawn with the given (unnormalised) weights. */
  weighted(weights: readonly number[]): number {
    let r = this.next() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(this.next() * 4)]!;
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  /** 22 base64url characters, like the attemptKey's nonce. */
  nonce(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    return Array.from({ length: 22 }, () => alphabet[Math.floor(this.next() * 64)]!).join("");
  }
}

const FIRST = ["Aisha", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kenji", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amélie", "Björn", "Chloé", "Diego", "Émile", "Fatima", "Gustav", "Hana", "Ivan", "Julia", "Karim", "Lucía", "Malik", "Noor"];
const LAST = ["Andersen", "Bauer", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann", "Ito", "Jansen", "Kowalski", "Larsen", "Müller", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Visser", "Weber", "Xu", "Yilmaz", "Zimmermann", "Novak", "Silva", "Costa", "Horvat"];
const REASONS = ["inaccurate", "unclear", "missing-information", "code-doesnt-work", "other"] as const;
const COMMENTS = [
  "The diagram helped, but the part about offsets went too fast.",
  'What does "committed" mean exactly, the broker or the consumer?',
  "Great explanation, thanks!",
  "An example with two consumer groups would help, e.g. billing and analytics.",
  "The try-it panel did not show the lag I expected.",
  "Too long; I lost track halfway through",
  "Clear and to the point.",
  "Is retention per topic or per partition? Not obvious from the text.",
];

const DAY = 24 * 3600 * 1000;
const MINUTE = 60 * 1000;

export interface CohortData {
  users: { id: string; email: string; name: string; createdAt: Date }[];
  members: { userId: string; joinedAt: Date }[];
  progress: { id: string; userId: string; lesson: string; firstVisitedAt: Date; lastVisitedAt: Date; readAt: Date | null; section: string | null; sectionAt: Date | null }[];
  attempts: {
    id: string;
    nonce: string;
    userId: string;
    lesson: string;
    quizVersion: string;
    seed: number;
    choiceOrder: number[][];
    submitted: number[];
    score: number;
    total: number;
    passed: boolean;
    response: string;
    startedAt: Date;
    submittedAt: Date;
  }[];
  answers: { attemptId: string; position: number; questionId: string; questionVersion: string; chosen: number; displayed: number; correct: boolean }[];
  ratings: { id: string; userId: string; lesson: string; helpful: boolean; reason: string | null; comment: string | null; contentVersion: string; at: Date }[];
}

/**
 * `learners` learners who joined a cohort 8–10 weeks before `now`. How far each got: most are on
 * the early lessons, fewer further on, a few never started; about a quarter stopped 2–6 weeks ago.
 * Every lesson before a learner's current one was visited and usually read, and its quiz usually
 * taken; the current lesson was visited, sometimes read, sometimes quizzed. Quiz answers follow a
 * simple ability × difficulty model (a few questions hard, one tempting wrong choice per question),
 * learners improve on a retry; 1–3 attempts per quiz (retry after a fail, rarely after a pass). About
 * one read lesson in five gets a page rating, some with a comment.
 */
export function generateCohort(content: SeedContent, options: { learners: number; seed: number; now: Date; tag: string }): CohortData {
  const rng = new Rng(options.seed);
  const now = options.now.getTime();
  const data: CohortData = { users: [], members: [], progress: [], attempts: [], answers: [], ratings: [] };
  const lessons = [...content.lessons].sort((a, b) => a.order - b.order);
  // Per question: a difficulty, and the order in which its wrong choices tempt (deterministic per guide).
  const qrng = new Rng(0x5eed);
  const questionModel = new Map<string, { difficulty: number; lure: number[] }>();
  for (const quiz of content.quizzes.values()) {
    for (const q of quiz.questions) {
      const wrong = Array.from({ length: q.choices }, (_, i) => i).filter((i) => i !== q.answer);
      for (let i = wrong.length - 1; i > 0; i--) {
        const j = Math.floor(qrng.next() * (i + 1));
        [wrong[i], wrong[j]] = [wrong[j]!, wrong[i]!];
      }
      questionModel.set(`${quiz.lesson}/${q.id}`, { difficulty: qrng.chance(0.15) ? qrng.between(1.2, 2.2) : qrng.between(-1.5, 0.8), lure: wrong });
    }
  }
  // How many lessons a learner reached (0 = joined, never started).
  const reachedWeights = [4, 17, 16, 14, 12, 10, 8, 7, 12].slice(0, lessons.length + 1);

  for (let n = 0; n < options.learners; n++) {
    const userId = rng.uuid();
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const joinedAt = now - rng.between(56, 70) * DAY;
    const email = `${first}.${last}.${n}@${options.tag}.example.org`
      .normalize("NFD")
      .replace(/[\u0300-\u036f']/g, "")
      .toLowerCase();
    data.users.push({ id: userId, email, name: `${first} ${last}`, createdAt: new Date(joinedAt - rng.between(0, 30) * DAY) });
    data.members.push({ userId, joinedAt: new Date(joinedAt) });

    const reached = rng.weighted(reachedWeights);
    if (reached === 0) continue;
    const inactive = rng.chance(0.25);
    const lastActive = inactive ? now - rng.between(14, 42) * DAY : now - rng.between(0, 6) * DAY;
    const start = joinedAt + rng.between(0, 4) * DAY;
    const span = Math.max(lastActive - start, DAY);
    const ability = rng.normal();

    for (let i = 0; i < reached; i++) {
      const lesson = lessons[i]!;
      const current = i === reached - 1;
      const visitedAt = start + (span * i) / reached + rng.between(0, 0.3) * (span / reached);
      const read = current ? rng.chance(0.35) : rng.chance(0.92);
      const readAt = read ? visitedAt + rng.between(8, 40) * MINUTE : null;
      const quiz = content.quizzes.get(lesson.slug);
      const takesQuiz = quiz !== undefined && (current ? rng.chance(read ? 0.5 : 0.15) : rng.chance(read ? 0.9 : 0.45));
      let t = (readAt ?? visitedAt + rng.between(3, 15) * MINUTE) + rng.between(1, 10) * MINUTE;

      if (quiz && takesQuiz) {
        let passedBefore = false;
        for (let attempt = 0; attempt < 3 && t + 10 * MINUTE < now; attempt++) {
          const seed = rng.int(0, 2 ** 31 - 1);
          const orders = choiceOrders(seed, quiz.questions.map((q) => q.choices), quiz.settings.shuffle);
          const displayed = quiz.questions.map((q, position) => {
            const model = questionModel.get(`${quiz.lesson}/${q.id}`)!;
            const p = 1 / (1 + Math.exp(-(1.1 * ability + 0.9 + 0.8 * attempt - model.difficulty)));
            const canonical = rng.chance(p) ? q.answer : model.lure[rng.weighted([0.6, 0.25, 0.15].slice(0, model.lure.length))]!;
            return toDisplayed(orders[position]!, canonical);
          });
          const scored = scoreAttempt(quiz.questions, orders, displayed, quiz.settings.passAt);
          const revealed = mayReveal(quiz.settings.reveal, scored.passed, passedBefore);
          const attemptId = rng.uuid();
          const startedAt = t;
          const submittedAt = t + rng.between(1, 8) * MINUTE;
          const response = JSON.stringify({
            attemptId,
            score: scored.score,
            total: scored.total,
            passed: scored.passed,
            revealed,
            submittedAt: new Date(submittedAt).toISOString(),
            results: scored.outcomes.map((o) => ({ questionId: o.questionId, correct: o.correct, chosen: o.chosen, ...(revealed ? { correctChoice: o.correctChoice, explain: o.explain } : {}) })),
          });
          data.attempts.push({
            id: attemptId,
            nonce: rng.nonce(),
            userId,
            lesson: lesson.slug,
            quizVersion: quiz.version,
            seed,
            choiceOrder: orders,
            submitted: displayed,
            score: scored.score,
            total: scored.total,
            passed: scored.passed,
            response,
            startedAt: new Date(startedAt),
            submittedAt: new Date(submittedAt),
          });
          scored.outcomes.forEach((o, position) =>
            data.answers.push({ attemptId, position, questionId: o.questionId, questionVersion: o.questionVersion, chosen: o.chosenCanonical, displayed: o.chosen, correct: o.correct }),
          );
          passedBefore ||= scored.passed;
          t = submittedAt + (rng.chance(0.8) ? rng.between(2, 60) * MINUTE : rng.between(1, 3) * DAY);
          if (!rng.chance(scored.passed ? 0.08 : 0.7)) break;
        }
      }

      const lastVisitedAt = Math.max(visitedAt, Math.min(t, lastActive), readAt ?? 0) + (rng.chance(0.2) ? rng.between(0, 3) * DAY : 0);
      const section = lesson.sections.length === 0 ? null : read ? lesson.sections.at(-1)! : rng.pick(lesson.sections);
      data.progress.push({
        id: rng.uuid(),
        userId,
        lesson: lesson.slug,
        firstVisitedAt: new Date(visitedAt),
        lastVisitedAt: new Date(Math.min(lastVisitedAt, now)),
        readAt: readAt === null ? null : new Date(readAt),
        section,
        sectionAt: section === null ? null : new Date(Math.min(lastVisitedAt, now)),
      });

      if (readAt !== null && rng.chance(0.2)) {
        const helpful = rng.chance(0.78);
        data.ratings.push({
          id: rng.uuid(),
          userId,
          lesson: lesson.slug,
          helpful,
          reason: helpful ? null : REASONS[rng.weighted([2, 4, 3, 1, 1])]!,
          comment: rng.chance(helpful ? 0.1 : 0.45) ? rng.pick(COMMENTS) : null,
          contentVersion: lesson.version,
          at: new Date(readAt + rng.between(0, 5) * MINUTE),
        });
      }
    }
  }
  return data;
}

/** Rows per INSERT statement (each column is one array parameter). */
const CHUNK = 5000;

async function insertChunks<T>(client: Client, rows: readonly T[], sql: string, columns: ((row: T) => unknown)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await client.query(sql, columns.map((column) => chunk.map(column)));
  }
}

/** Inserts `data` as members of cohort `cohortId`, following `guide`, in one transaction. */
export async function insertCohort(client: Client, cohortId: string, guide: string, data: CohortData): Promise<void> {
  await client.query("BEGIN");
  try {
    await insertChunks(
      client,
      data.users,
      `INSERT INTO users (id, email, name, role, created_at, updated_at)
       SELECT id, email, name, 'LEARNER', at, at FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS t(id, email, name, at)`,
      [(u) => u.id, (u) => u.email, (u) => u.name, (u) => u.createdAt],
    );
    await insertChunks(
      client,
      data.members,
      `INSERT INTO cohort_members (cohort_id, user_id, joined_at) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])`,
      [() => cohortId, (m) => m.userId, (m) => m.joinedAt],
    );
    await insertChunks(
      client,
      data.progress,
      `INSERT INTO lesson_progress (id, user_id, guide, lesson, first_visited_at, last_visited_at, read_at, section, section_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::timestamptz[])`,
      [(p) => p.id, (p) => p.userId, () => guide, (p) => p.lesson, (p) => p.firstVisitedAt, (p) => p.lastVisitedAt, (p) => p.readAt, (p) => p.section, (p) => p.sectionAt],
    );
    await insertChunks(
      client,
      data.attempts,
      `INSERT INTO quiz_attempts (id, nonce, user_id, guide, lesson, quiz_version, seed, choice_order, submitted, score, total, passed, response, started_at, submitted_at)
       SELECT id, nonce, user_id, guide, lesson, quiz_version, seed, choice_order::jsonb, submitted::int[], score, total, passed, response, started_at, submitted_at
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::int[], $11::int[], $12::bool[], $13::text[], $14::timestamptz[], $15::timestamptz[])
         AS t(id, nonce, user_id, guide, lesson, quiz_version, seed, choice_order, submitted, score, total, passed, response, started_at, submitted_at)`,
      [
        (a) => a.id,
        (a) => a.nonce,
        (a) => a.userId,
        () => guide,
        (a) => a.lesson,
        (a) => a.quizVersion,
        (a) => a.seed,
        (a) => JSON.stringify(a.choiceOrder),
        (a) => `{${a.submitted.join(",")}}`,
        (a) => a.score,
        (a) => a.total,
        (a) => a.passed,
        (a) => a.response,
        (a) => a.startedAt,
        (a) => a.submittedAt,
      ],
    );
    await insertChunks(
      client,
      data.answers,
      `INSERT INTO quiz_answers (attempt_id, position, question_id, question_version, chosen, displayed, correct)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::bool[])`,
      [(q) => q.attemptId, (q) => q.position, (q) => q.questionId, (q) => q.questionVersion, (q) => q.chosen, (q) => q.displayed, (q) => q.correct],
    );
    await insertChunks(
      client,
      data.ratings,
      `INSERT INTO page_ratings (id, user_id, guide, lesson, helpful, reason, comment, content_version, created_at, updated_at)
       SELECT id, user_id, guide, lesson, helpful, reason, comment, content_version, at, at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
         AS t(id, user_id, guide, lesson, helpful, reason, comment, content_version, at)`,
      [(r) => r.id, (r) => r.userId, () => guide, (r) => r.lesson, (r) => r.helpful, (r) => r.reason, (r) => r.comment, (r) => r.contentVersion, (r) => r.at],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
