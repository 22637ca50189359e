// Runs in each test worker before the test file is imported: point lib/env at the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
