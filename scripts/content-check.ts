/**
 * `npm run content:check`: validates every guide, lesson, quiz and internal link, and prints a
 * report. Exits 1 when anything is wrong.
 */
import { checkAllContent } from "@/lib/content/check";

const { content, problems } = checkAllContent();
for (const guide of content.guides) {
  const questions = guide.lessons.reduce((n, l) => n + l.questionCount, 0);
  console.log(`${guide.slug}: ${guide.lessons.length} lessons in ${guide.phases.length} phases, ${guide.minutes} min, ${questions} quiz questions`);
}
if (problems.length === 0) {
  console.log(`\nContent OK: ${content.guides.length} guides, ${content.lessons.size} lessons, ${content.quizzes.size} quizzes, all links resolve.`);
} else {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p.file}: ${p.message}`);
  process.exit(1);
}
