-- CreateTable
CREATE TABLE "lesson_progress" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "guest_id" UUID,
    "guide" VARCHAR(80) NOT NULL,
    "lesson" VARCHAR(80) NOT NULL,
    "first_visited_at" TIMESTAMPTZ(3),
    "last_visited_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "section" VARCHAR(120),
    "section_at" TIMESTAMPTZ(3),
    "try_it_goals" JSONB NOT NULL DEFAULT '{}',
    "reset_at" TIMESTAMPTZ(3),

    CONSTRAINT "lesson_progress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_ratings" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "guest_id" UUID,
    "guide" VARCHAR(80) NOT NULL,
    "lesson" VARCHAR(80) NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "reason" VARCHAR(32),
    "comment" VARCHAR(1000),
    "content_version" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "page_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lesson_progress_guide_lesson_idx" ON "lesson_progress"("guide", "lesson");

-- CreateIndex
CREATE UNIQUE INDEX "lesson_progress_user_id_guide_lesson_key" ON "lesson_progress"("user_id", "guide", "lesson");

-- CreateIndex
CREATE UNIQUE INDEX "lesson_progress_guest_id_guide_lesson_key" ON "lesson_progress"("guest_id", "guide", "lesson");

-- CreateIndex
CREATE INDEX "page_ratings_guide_lesson_helpful_idx" ON "page_ratings"("guide", "lesson", "helpful");

-- CreateIndex
CREATE UNIQUE INDEX "page_ratings_user_id_guide_lesson_key" ON "page_ratings"("user_id", "guide", "lesson");

-- CreateIndex
CREATE UNIQUE INDEX "page_ratings_guest_id_guide_lesson_key" ON "page_ratings"("guest_id", "guide", "lesson");

-- AddForeignKey
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_ratings" ADD CONSTRAINT "page_ratings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each row belongs to exactly one learner: a user or a guest (Prisma cannot express this).
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_one_owner" CHECK (num_nonnulls("user_id", "guest_id") = 1);
ALTER TABLE "page_ratings" ADD CONSTRAINT "page_ratings_one_owner" CHECK (num_nonnulls("user_id", "guest_id") = 1);
ALTER TABLE "page_ratings" ADD CONSTRAINT "page_ratings_reason" CHECK ("reason" IN ('inaccurate', 'unclear', 'missing-information', 'code-doesnt-work', 'other'));
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_try_it_goals_object" CHECK (jsonb_typeof("try_it_goals") = 'object');
