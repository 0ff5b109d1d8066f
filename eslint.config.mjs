import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const noDbInUi = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"],
            message: "app/ and components/ call verbs in lib/<domain>/, never the database directly.",
          },
        ],
      },
    ],
  },
};

// The dashboard's one data pattern: a feature's queries.ts holds its TanStack Query hooks and is the
// only place that calls api(); components use those hooks. (Flat config replaces a rule's options per
// file, so this block repeats the database pattern above.)
const noApiClientInUi = {
  files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
  ignores: ["components/**/queries.ts", "components/api/client.ts", "app/api/**"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...noDbInUi.rules["no-restricted-imports"][1].patterns,
          {
            group: ["@/components/api/client", "**/api/client", "./client"],
            message: "Fetch through a hook in the feature's queries.ts (components/<feature>/queries.ts); only queries.ts imports api().",
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  noDbInUi,
  noApiClientInUi,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { ignores: [".next/**", ".workers/**", "node_modules/**", "data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
