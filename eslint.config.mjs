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

// One outbound client: nothing calls out except through lib/net (SSRF guard at resolve and connect, no
// redirects, timeouts and size caps). Exempt by name: lib/net itself; the browser's two clients of our
// own API, components/api/client.ts (fetch) and components/indexes/upload-xhr.ts (XMLHttpRequest, for
// upload progress), both reached only through a feature's queries.ts; tests, lib/testing, e2e/, bench/
// and scripts/, which talk to the test server and receivers.
const message = "Outbound requests go through lib/net (safeRequest): the SSRF guard, no redirects, timeouts and size caps.";
const outboundGlobals = [{ name: "fetch", message }, { name: "XMLHttpRequest", message }, { name: "WebSocket", message }];
const outboundSyntax = [
  { selector: "MemberExpression[object.name=/^(globalThis|global|window|self)$/][property.name='fetch']", message },
  { selector: "ImportDeclaration[source.value=/^(undici|node:http|node:https|http|https|node:http2|http2)$/]", message },
  { selector: "ImportExpression[source.value=/^(undici|node:http|node:https|http|https|node:http2|http2)$/]", message },
  { selector: "CallExpression[callee.name='require'][arguments.0.value=/^(undici|node:http|node:https|http|https|node:http2|http2)$/]", message },
];
const browserClients = ["components/api/client.ts", "components/indexes/upload-xhr.ts"];
const notForOutbound = ["lib/net/**", "lib/testing/**", ...browserClients, "**/*.test.ts", "**/*.test.tsx"];

// HTTP only at the edge: outside app/api and lib/http nothing touches Request or Response (verbs take
// plain values and return plain values; route() in lib/http/route.ts reads the request and writes the
// answer as the contract says). dependency-cruiser keeps lib/http's imports out of domains; this keeps
// the globals out, types included.
const httpMessage = "Only app/api/** and lib/http/** touch Request/Response: take plain values (ids, parsed bodies, headers you need) and return plain values or throw AppError.";
const httpGlobals = [{ name: "Request", message: httpMessage }, { name: "Response", message: httpMessage }];
const httpSyntax = [{ selector: "TSTypeReference > Identifier[name=/^(Request|Response)$/]", message: httpMessage }];
const notForHttp = ["app/api/**", "lib/http/**", "lib/net/**", "lib/testing/**", "components/api/client.ts", "**/*.test.ts", "**/*.test.tsx"];

const edgeRules = [
  {
    // Server code outside the edge: neither outbound calls nor Request/Response.
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "worker.ts", "instrumentation.ts"],
    ignores: [...new Set([...notForOutbound, ...notForHttp])],
    rules: {
      "no-restricted-globals": ["error", ...outboundGlobals, ...httpGlobals],
      "no-restricted-syntax": ["error", ...outboundSyntax, ...httpSyntax],
    },
  },
  {
    // The edge (app/api, lib/http) may speak HTTP but still calls out only through lib/net.
    files: ["app/api/**/*.ts", "lib/http/**/*.ts"],
    ignores: notForOutbound,
    rules: {
      "no-restricted-globals": ["error", ...outboundGlobals],
      "no-restricted-syntax": ["error", ...outboundSyntax],
    },
  },
  {
    // lib/net is the outbound client; it still has no business with the inbound Request/Response.
    files: ["lib/net/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-globals": ["error", ...httpGlobals], "no-restricted-syntax": ["error", ...httpSyntax] },
  },
];

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
  ...edgeRules,
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
