/**
 * `npm run db:seed`: creates (or resets the passwords of) the demo accounts in DATABASE_URL.
 * `--if-empty`: only when the database has no users yet (what `npm start` runs).
 * With NODE_ENV=production and no SEED_DEMO=1 it creates nothing, and fails if demo accounts
 * still accept their published passwords.
 *
 * Runs with `--conditions=react-server` so it can use the app's own database client.
 */
import { db } from "@/lib/db";
import { env } from "@/lib/env.js";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newJoinCode } from "@/lib/cohorts/join-code";
import { DEMO_ACCOUNTS, DEMO_COHORT } from "./demo-accounts";
import { DEMO_HISTORY, DEMO_JOINED_DAYS_AGO, seedDemoHistory } from "./demo-activity";

/**
 * The demo instructor's class, holding the demo learners, with some history of theirs so its
 * dashboard has something to show (created once; kept as it is after that).
 */
async function seedDemoCohort(): Promise<void> {
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_COHORT.instructor }, select: { id: true } });
  if (await db.cohort.findFirst({ where: { ownerId: owner.id, name: DEMO_COHORT.name }, select: { id: true } })) return;
  const learners = await db.user.findMany({ where: { email: { in: [...DEMO_COHORT.learners] } }, select: { id: true, email: true } });
  const guide = DEMO_COHORT.guides[0];
  // History first, the cohort last: a run that fails part-way leaves no cohort, and the next run
  // (npm start tries on every start until the cohort exists) gives the history to each learner who
  // has no records in the guide yet. Records that exist are never deleted or doubled: someone may
  // have used the demo account meanwhile.
  for (const learner of learners) {
    const started = await db.lessonProgress.count({ where: { userId: learner.id, guide } });
    if (started === 0) await seedDemoHistory({ kind: "user", userId: learner.id }, guide, DEMO_HISTORY[learner.email] ?? []);
  }
  await db.cohort.create({
    data: { name: DEMO_COHORT.name, guides: [...DEMO_COHORT.guides], ownerId: owner.id, joinCode: newJoinCode(), members: { create: learners.map((l) => ({ userId: l.id, joinedAt: new Date(Date.now() - DEMO_JOINED_DAYS_AGO * 24 * 3600 * 1000) })) } },
  });
}

async function demoPasswordsStillWork(): Promise<string[]> {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    select: { email: true, passwordHash: true, disabledAt: true },
  });
  const open: string[] = [];
  for (const user of users) {
    const demo = DEMO_ACCOUNTS.find((a) => a.email === user.email);
    if (demo && user.passwordHash && !user.disabledAt && (await verifyPassword(demo.password, user.passwordHash))) open.push(user.email);
  }
  return open;
}

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  if (env.NODE_ENV === "production" && !env.SEED_DEMO) {
    const open = await demoPasswordsStillWork();
    if (open.length > 0) {
      console.error(
        `Refusing to run in production: the demo accounts ${open.join(", ")} still accept their published passwords.\n` +
          "Change or disable them, or set SEED_DEMO=1 if this really is a demo.",
      );
      process.exit(1);
    }
    console.log("Production: demo accounts are not created (set SEED_DEMO=1 to create them).");
    return;
  }
  if (ifEmpty && (await db.user.count()) > 0) {
    // An earlier first start may have stopped after the accounts and before the demo cohort.
    if (await db.user.findUnique({ where: { email: DEMO_COHORT.instructor }, select: { id: true } })) await seedDemoCohort();
    console.log("Database already has users: not seeding.");
    return;
  }
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hashPassword(account.password);
    await db.user.upsert({
      where: { email: account.email },
      update: { passwordHash, role: account.role, disabledAt: null },
      create: { email: account.email, name: account.name, role: account.role, passwordHash },
    });
  }
  await seedDemoCohort();
  console.log(`Seeded ${DEMO_ACCOUNTS.length} demo accounts and the demo cohort with some history (see README, "Demo accounts").`);
}

main()
  .catch((error: unknown) => {
    console.error("Seeding failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
