/**
 * Starting the whole platform the way a newcomer does (`npm start`: embedded database, migrations,
 * seed, production build when needed, `next start`) on a free port and a fresh data directory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  logFile: string;
  child: ChildProcess;
  /**
   * Stops the app; resolves with its exit code. A data directory startApp made itself is deleted
   * unless `keepData` (to start again on the same data).
   */
  stop: (options?: { keepData?: boolean }) => Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface StartAppOptions {
  dataDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs `npm start`'s script; resolves once it prints that the site is open. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "guides-data-"));
  const logFile = path.join(dataDir, `start-${port}.log`);
  const log = createWriteStream(logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  // A newcomer's shell: no DATABASE_URL (so the embedded database starts) and no NODE_ENV.
  const { DATABASE_URL: _db, NODE_ENV: _mode, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), DATA_DIR: dataDir, NEXTAUTH_URL: baseUrl, ...options.env } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start/index.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not become ready; log:\n${readFileSync(logFile, "utf8")}`)), options.timeoutMs ?? 300_000);
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("✓ Open")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}; log:\n${readFileSync(logFile, "utf8")}`));
    });
  });
  return {
    baseUrl,
    dataDir,
    logFile,
    child,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (!options.dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** POSTs a sign-up to a running app (the public JSON endpoint); returns the response. */
export function signUpAt(baseUrl: string, account: { name: string; email: string; password: string }): Promise<Response> {
  return fetch(`${baseUrl}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
}
