/**
 * What the progress API and pages show: plain JSON, safe to send to the learner it belongs to.
 */

export interface QuizProgress {
  /** Whether the lesson has a quiz (a lesson without one is complete once read). */
  required: boolean;
  /** A passing attempt since the lesson was last reset. */
  passed: boolean;
  /** Attempts since the last reset. */
  attempts: number;
  /** The best score since the last reset, with the question count it was out of. */
  bestScore: number | null;
  bestTotal: number | null;
}

export interface LessonProgress {
  guide: string;
  lesson: string;
  title: string;
  phase: number;
  firstVisitedAt: string | null;
  lastVisitedAt: string | null;
  /** When the learner first reached the end of the lesson body. */
  readAt: string | null;
  /** Heading id and text of the last section the learner was in. */
  section: string | null;
  sectionTitle: string | null;
  quiz: QuizProgress;
  /** Try-it goals reached, in the order they were reached. */
  tryItGoals: string[];
  /** Read, and the quiz passed when there is one. */
  completed: boolean;
}

export interface PhaseProgress {
  order: number;
  title: string;
  lessons: number;
  completed: number;
  percent: number;
}

export interface ContinuePoint {
  lesson: string;
  title: string;
  section: string | null;
  sectionTitle: string | null;
  href: string;
  /** "resume": the last visited unfinished lesson; "next": the first unfinished one after all visited ones were finished. */
  kind: "resume" | "next";
}

export interface GuideProgress {
  guide: string;
  title: string;
  lessons: number;
  completed: number;
  /** Rounded down: 100 only when every lesson is complete. */
  percent: number;
  phases: PhaseProgress[];
  /** The latest visit or quiz attempt in this guide. */
  lastActivityAt: string | null;
  continueAt: ContinuePoint | null;
  /** Every lesson of the guide, in reading order (untouched ones with null times). */
  lessonProgress: LessonProgress[];
}

export interface MyProgress {
  learner: "user" | "guest" | null;
  /** Guides the learner has started (any visit or attempt), most recent activity first. */
  guides: GuideProgress[];
}
