// Lint rules: Next's recommended sets plus the project's own boundaries (see docs/conventions).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/**
 * lib/sim's import rules; `escape` is the relative pattern that leaves lib/sim from these files.
 * @param {string[]} files
 * @param {string} escape
 */
function simBoundary(files, escape) {
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-*", "next", "next/*", "next-auth", "next-auth/*", "@prisma/*", "server-only", "pg"], message: "lib/sim is a pure engine: no framework or database imports." },
            { group: ["node:*", "fs", "path", "crypto", "os", "child_process"], message: "lib/sim is a pure engine: no Node imports." },
            { group: ["@/lib/*", "!@/lib/sim", "!@/lib/sim/*", escape], message: "lib/sim imports only its own modules (relative) and zod." },
          ],
        },
      ],
    },
  };
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "data/**", "bench/results/**", "next-env.d.ts"],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "error",
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Build SQL with tagged templates ($queryRaw`...`), never from strings." },
        { property: "$executeRawUnsafe", message: "Build SQL with tagged templates ($executeRaw`...`), never from strings." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='PrismaClient']", message: "Use the one client in lib/db.ts." },
      ],
    },
  },
  {
    files: ["lib/db.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["app/**", "lib/**", "proxy.ts"],
    ignores: ["lib/env.js", "lib/db.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read validated settings from lib/env.js (env.X)." },
        { property: "$queryRawUnsafe", message: "Build SQL with tagged templates ($queryRaw`...`), never from strings." },
        { property: "$executeRawUnsafe", message: "Build SQL with tagged templates ($executeRaw`...`), never from strings." },
      ],
    },
  },
  // The simulator is a pure engine: no framework, database, Node or other lib/ imports, no clock or randomness.
  simBoundary(["lib/sim/*.ts"], "../*"),
  simBoundary(["lib/sim/*/*.ts"], "../../*"),
  {
    files: ["lib/sim/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use the seeded PRNG in the state (lib/sim/rng.ts)." },
        { object: "Date", property: "now", message: "Use the simulated clock (state.time)." },
        { object: "performance", property: "now", message: "Use the simulated clock (state.time)." },
        { object: "process", property: "env", message: "lib/sim reads no environment." },
      ],
      "no-restricted-globals": ["error", { name: "setTimeout", message: "No timers in the engine." }, { name: "setInterval", message: "No timers in the engine." }],
    },
  },
];

export default config;
