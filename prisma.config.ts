// Prisma CLI configuration. The application itself never reads this file: it connects through
// lib/db.ts. Offline migrations go through scripts/db/ (see README, "Database").
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
