-- DropIndex
DROP INDEX "sim_sessions_guest_id_idx";

-- DropIndex
DROP INDEX "sim_sessions_user_id_guide_lesson_idx";

-- Keep one session per learner and panel (the latest written) before enforcing it (kept by hand)
DELETE FROM "sim_sessions" s USING "sim_sessions" t
WHERE s.id <> t.id AND s.guide = t.guide AND s.lesson = t.lesson AND s.scenario = t.scenario AND s.scenario_version = t.scenario_version
  AND ((s.user_id IS NOT NULL AND s.user_id = t.user_id) OR (s.guest_id IS NOT NULL AND s.guest_id = t.guest_id))
  AND (s.updated_at, s.id) < (t.updated_at, t.id);

-- CreateIndex
CREATE UNIQUE INDEX "sim_sessions_user_id_guide_lesson_scenario_scenario_version_key" ON "sim_sessions"("user_id", "guide", "lesson", "scenario", "scenario_version");

-- CreateIndex
CREATE UNIQUE INDEX "sim_sessions_guest_id_guide_lesson_scenario_scenario_versio_key" ON "sim_sessions"("guest_id", "guide", "lesson", "scenario", "scenario_version");
