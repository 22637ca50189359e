"use client";

/**
 * "Check your understanding": the lesson's quiz as a client island. Questions come from the quiz
 * API without answers; the server scores the submission and says what may be revealed. Native
 * radio groups give arrow keys within a question and Tab between questions.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AttemptResult, AttemptSummary, QuizForAttempt } from "@/lib/quizzes/dto";
import { refreshMyProgress } from "../progress/progress-store";
import { AttemptHistory } from "./attempt-history";
import { fetchAttempts, fetchQuiz, submitAnswers } from "./quiz-api";

type Status = "loading" | "answering" | "submitting" | "done" | "failed";

export function Quiz({ guide, lesson, questionCount }: { guide: string; lesson: string; questionCount: number }) {
  const [status, setStatus] = useState<Status>("loading");
  const [quiz, setQuiz] = useState<QuizForAttempt | null>(null);
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [attempts, setAttempts] = useState<AttemptSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const introRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useRef<"summary" | "intro" | null>(null);

  const refreshAttempts = useCallback(async () => {
    const listed = await fetchAttempts(guide, lesson);
    if (listed.ok) setAttempts(listed.data.attempts);
  }, [guide, lesson]);

  /** Loads a fresh attempt; `carry` keeps answers (by choice text) across a reload of the quiz. */
  const start = useCallback(
    async (carry?: { quiz: QuizForAttempt; answers: (number | null)[] }) => {
      const loaded = await fetchQuiz(guide, lesson);
      if (!loaded.ok) {
        // Back to the error state, not to an old result above re-enabled choices.
        setQuiz(null);
        setResult(null);
        setStatus("failed");
        setMessage(loaded.message);
        return false;
      }
      const next = loaded.data;
      setQuiz(next);
      setAnswers(
        next.questions.map((q) => {
          const i = carry ? carry.quiz.questions.findIndex((old) => old.id === q.id) : -1;
          const picked = i >= 0 ? carry!.answers[i] : null;
          if (picked == null) return null;
          const at = q.choices.indexOf(carry!.quiz.questions[i]!.choices[picked]!);
          return at >= 0 ? at : null;
        }),
      );
      setResult(null);
      setStatus("answering");
      return true;
    },
    [guide, lesson],
  );

  useEffect(() => {
    // Loading on mount is the point of this island: the page itself is the same static HTML for everyone.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void start();
    void refreshAttempts();
  }, [start, refreshAttempts]);

  useEffect(() => {
    const target = focusAfterRender.current === "summary" ? summaryRef.current : focusAfterRender.current === "intro" ? introRef.current : null;
    focusAfterRender.current = null;
    target?.focus();
  });

  if (status === "loading" || !quiz) {
    return (
      <div className="mt-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{status === "failed" ? "" : `Loading the ${questionCount} questions…`}</p>
        {status === "failed" && <QuizError message={message} onRetry={() => void start()} />}
      </div>
    );
  }

  const answered = answers.filter((a) => a !== null).length;
  const left = quiz.questions.length - answered;
  const done = status === "done" && result !== null;

  async function submit() {
    if (!quiz || left > 0) return;
    setStatus("submitting");
    setMessage(null);
    const sent = await submitAnswers(guide, lesson, quiz.attemptKey, answers as number[]);
    if (sent.ok) {
      const { attemptId, score, total, passed, submittedAt } = sent.data;
      setResult(sent.data);
      setStatus("done");
      focusAfterRender.current = "summary";
      // A replay returns an attempt already listed.
      setAttempts((listed) => (listed.some((a) => a.attemptId === attemptId) ? listed : [{ attemptId, quizId: quiz.quizId, guide, lesson, version: quiz.version, score, total, passed, submittedAt }, ...listed]));
      // A pass may complete the lesson: check marks and percentages follow.
      if (passed) void refreshMyProgress();
      return;
    }
    if (sent.status === 400 && sent.fieldErrors?.attemptKey) {
      // The key expired or the quiz was edited: reload it, keep what still applies.
      if (await start({ quiz, answers })) {
        setMessage("The quiz was reloaded because it had been open too long or has changed. Your answers are kept where the questions are the same; check them and submit again.");
      }
      return;
    }
    setStatus("answering");
    setMessage(sent.status === 429 && sent.retryAfter ? `${sent.message} (about ${Math.ceil(sent.retryAfter / 60)} min)` : sent.message);
  }

  async function tryAgain() {
    setMessage(null);
    if (await start()) focusAfterRender.current = "intro";
  }

  return (
    <div className="mt-4" data-quiz-state={status}>
      <p ref={introRef} tabIndex={-1} className="text-sm text-zinc-600 outline-none dark:text-zinc-400">
        {`Pick one answer per question. You pass with ${quiz.passMark} of ${quiz.questions.length} correct.`}
      </p>

      {done && (
        <p ref={summaryRef} tabIndex={-1} role="status" className="mt-4 rounded-md bg-zinc-100 p-3 font-semibold outline-none dark:bg-zinc-900" data-testid="quiz-score">
          {`You scored ${result.score}/${result.total} — ${result.passed ? "passed" : "not passed yet"}.`}
          {!result.revealed && (
            <span className="block text-sm font-normal">
              {quiz.reveal === "never" ? "This quiz shows your score only." : "The correct answers and explanations appear once you pass this quiz."}
            </span>
          )}
        </p>
      )}

      <ol className="mt-4 space-y-6">
        {quiz.questions.map((question, qi) => {
          const outcome = result?.results[qi];
          return (
            <li key={question.id}>
              <fieldset disabled={done || status === "submitting"} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800" data-question={question.id}>
                <legend className="px-1 font-medium">
                  <span>{`${qi + 1}. ${question.q}`}</span>
                  {outcome && <span className={outcome.correct ? "quiz-mark-correct" : "quiz-mark-incorrect"}>{outcome.correct ? " ✓ Correct" : " ✗ Incorrect"}</span>}
                </legend>
                <div className="mt-2 space-y-2">
                  {question.choices.map((choice, ci) => {
                    const chosen = answers[qi] === ci;
                    const isKey = outcome?.correctChoice === ci;
                    return (
                      <label key={ci} className={`quiz-choice ${isKey ? "quiz-choice-key" : ""} ${outcome && chosen && !outcome.correct ? "quiz-choice-wrong" : ""}`}>
                        <input
                          type="radio"
                          name={`quiz-${lesson}-${question.id}`}
                          value={ci}
                          checked={chosen}
                          onChange={() => setAnswers((prev) => prev.map((a, i) => (i === qi ? ci : a)))}
                          className="mt-1 shrink-0"
                        />
                        <span>
                          {choice}
                          {outcome && chosen && <strong className="ml-2 text-xs uppercase tracking-wide">Your answer</strong>}
                          {isKey && <strong className="ml-2 text-xs uppercase tracking-wide">Correct answer</strong>}
                        </span>
                      </label>
                    );
                  })}
                </div>
                {outcome?.explain && (
                  <p className="quiz-explain" data-testid="quiz-explain">
                    <strong>Why: </strong>
                    {outcome.explain}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>

      {message && (
        <p role="alert" className="mt-4 rounded-md border border-amber-600 p-3 text-sm">
          {message}
        </p>
      )}

      <div className="mt-6 flex flex-wrap items-center gap-4">
        {done ? (
          <button type="button" onClick={() => void tryAgain()} className="btn-primary">
            Try again
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void submit()} disabled={left > 0 || status === "submitting"} aria-describedby="quiz-submit-hint" className="btn-primary">
              {status === "submitting" ? "Checking…" : "Submit answers"}
            </button>
            <p id="quiz-submit-hint" className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {left > 0 ? `Answer every question to submit (${left} of ${quiz.questions.length} still open).` : "All questions answered."}
            </p>
          </>
        )}
      </div>

      <AttemptHistory attempts={attempts} />
    </div>
  );
}

function QuizError({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-amber-600 p-3 text-sm">
      <p>{message ?? "The quiz could not be loaded."}</p>
      <button type="button" onClick={onRetry} className="mt-2 underline">
        Try loading it again
      </button>
    </div>
  );
}
