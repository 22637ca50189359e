-- AlterTable
ALTER TABLE "sim_commands" ADD COLUMN     "timeline" JSONB NOT NULL DEFAULT '[]';

-- Checks Prisma cannot express (kept by hand)
ALTER TABLE "sim_commands" ADD CONSTRAINT "sim_commands_timeline_array" CHECK (jsonb_typeof("timeline") = 'array');
