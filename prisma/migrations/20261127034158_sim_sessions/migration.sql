-- CreateTable
CREATE TABLE "sim_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "guest_id" UUID,
    "guide" VARCHAR(80) NOT NULL,
    "lesson" VARCHAR(80) NOT NULL,
    "scenario" VARCHAR(60) NOT NULL,
    "scenario_version" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "goals" JSONB NOT NULL DEFAULT '{}',
    "goal_progress" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sim_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sim_commands" (
    "session_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "command" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sim_commands_pkey" PRIMARY KEY ("session_id","seq")
);

-- CreateTable
CREATE TABLE "sim_snapshots" (
    "session_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sim_snapshots_pkey" PRIMARY KEY ("session_id","seq")
);

-- CreateIndex
CREATE INDEX "sim_sessions_user_id_guide_lesson_idx" ON "sim_sessions"("user_id", "guide", "lesson");

-- CreateIndex
CREATE INDEX "sim_sessions_guest_id_idx" ON "sim_sessions"("guest_id");

-- AddForeignKey
ALTER TABLE "sim_sessions" ADD CONSTRAINT "sim_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sim_commands" ADD CONSTRAINT "sim_commands_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sim_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sim_snapshots" ADD CONSTRAINT "sim_snapshots_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sim_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each session belongs to exactly one learner: a user or a guest (Prisma cannot express this).
ALTER TABLE "sim_sessions" ADD CONSTRAINT "sim_sessions_one_owner" CHECK (num_nonnulls("user_id", "guest_id") = 1);
ALTER TABLE "sim_sessions" ADD CONSTRAINT "sim_sessions_version" CHECK ("version" >= 0);
ALTER TABLE "sim_sessions" ADD CONSTRAINT "sim_sessions_goals_object" CHECK (jsonb_typeof("goals") = 'object' AND jsonb_typeof("goal_progress") = 'object');
ALTER TABLE "sim_commands" ADD CONSTRAINT "sim_commands_seq" CHECK ("seq" >= 1);
