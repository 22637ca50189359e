-- CreateTable
CREATE TABLE "quiz_attempts" (
    "id" UUID NOT NULL,
    "nonce" VARCHAR(32) NOT NULL,
    "user_id" UUID,
    "guest_id" UUID,
    "guide" VARCHAR(80) NOT NULL,
    "lesson" VARCHAR(80) NOT NULL,
    "quiz_version" VARCHAR(64) NOT NULL,
    "seed" INTEGER NOT NULL,
    "choice_order" JSONB NOT NULL,
    "submitted" INTEGER[],
    "score" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "response" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_answers" (
    "attempt_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "question_id" VARCHAR(80) NOT NULL,
    "question_version" VARCHAR(64) NOT NULL,
    "chosen" INTEGER NOT NULL,
    "displayed" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,

    CONSTRAINT "quiz_answers_pkey" PRIMARY KEY ("attempt_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "quiz_attempts_nonce_key" ON "quiz_attempts"("nonce");

-- CreateIndex
CREATE INDEX "quiz_attempts_user_id_guide_lesson_idx" ON "quiz_attempts"("user_id", "guide", "lesson");

-- CreateIndex
CREATE INDEX "quiz_attempts_guest_id_idx" ON "quiz_attempts"("guest_id");

-- CreateIndex
CREATE INDEX "quiz_attempts_guide_lesson_quiz_version_idx" ON "quiz_attempts"("guide", "lesson", "quiz_version");

-- CreateIndex
CREATE INDEX "quiz_answers_question_version_idx" ON "quiz_answers"("question_version");

-- AddForeignKey
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every attempt belongs to exactly one learner: a user or a guest (Prisma cannot express this).
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_one_owner" CHECK (num_nonnulls("user_id", "guest_id") = 1);
