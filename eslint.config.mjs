import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import house from "./eslint-rules/one-role-type.mjs";

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

// One outbound client: server code (lib/, route handlers, the worker) never calls out except through
// lib/net (SSRF guard at resolve and connect, no redirects, timeouts, size caps). Out of scope: lib/net
// itself, tests and lib/testing (they talk to the test server and receivers), e2e/, bench/, scripts/,
// and the browser code in components/ and app/ pages, whose fetch calls our own API from the page.
const message = "Outbound requests go through lib/net (safeRequest): the SSRF guard, no redirects, timeouts and size caps.";
const oneOutboundClient = {
  files: ["lib/**/*.ts", "app/api/**/*.ts", "worker.ts", "instrumentation.ts"],
  ignores: ["lib/net/**", "lib/testing/**", "**/*.test.ts"],
  rules: {
    "no-restricted-globals": ["error", { name: "fetch", message }, { name: "XMLHttpRequest", message }, { name: "WebSocket", message }],
    "no-restricted-syntax": [
      "error",
      { selector: "MemberExpression[object.name=/^(globalThis|global|window|self)$/][property.name='fetch']", message },
      { selector: "ImportDeclaration[source.value=/^(undici|node:http|node:https|http|https|node:http2|http2)$/]", message },
      { selector: "ImportExpression[source.value=/^(undici|node:http|node:https|http|https|node:http2|http2)$/]", message },
      { selector: "CallExpression[callee.name='require'][arguments.0.value=/^(undici|node:http|node:https|http|https|node:http2|http2)$/]", message },
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
  oneOutboundClient,
  noApiClientInUi,
  // `type Role` and the role list are declared once, in lib/auth/roles.ts (eslint-rules/one-role-type.mjs).
  { files: ["**/*.{ts,tsx}"], plugins: { house }, rules: { "house/one-role-type": "error" } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { ignores: [".next/**", ".workers/**", "node_modules/**", "data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
