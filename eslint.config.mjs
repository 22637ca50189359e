// Lint rules: Next's recommended sets plus the project's own boundaries (see docs/conventions).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

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
];

export default config;
