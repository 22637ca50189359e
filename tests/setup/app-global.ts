/** Global setup of the `app` project: one running platform for every app test file. */
import type { TestProject } from "vitest/node";
import { startApp } from "../../scripts/lib/run-app";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  // Behind our own "proxy" (the tests), so per-IP rate limits can be exercised with X-Forwarded-For.
  const app = await startApp({ env: { TRUST_PROXY: "1" } });
  project.provide("baseUrl", app.baseUrl);
  project.provide("appDataDir", app.dataDir);
  return async () => {
    await app.stop();
  };
}
