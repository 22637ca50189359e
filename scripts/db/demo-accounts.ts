/**
 * The demo accounts `npm start` creates on an empty database, listed in the README. Their
 * passwords are public, which is why production refuses them unless SEED_DEMO=1.
 */
export const DEMO_ACCOUNTS = [
  { role: "ADMIN", email: "admin@example.com", name: "Ada Admin", password: "demo-admin-2026" },
  { role: "INSTRUCTOR", email: "instructor@example.com", name: "Ivan Instructor", password: "demo-instructor-2026" },
  { role: "LEARNER", email: "learner@example.com", name: "Lena Learner", password: "demo-learner-2026" },
  { role: "LEARNER", email: "learner2@example.com", name: "Leo Learner", password: "demo-learner2-2026" },
] as const;

/** The demo instructor's cohort: the demo learners, following the Kafka guide. */
export const DEMO_COHORT = {
  name: "Kafka guide: demo class",
  instructor: "instructor@example.com",
  learners: ["learner@example.com", "learner2@example.com"],
  guides: ["kafka"],
} as const;
