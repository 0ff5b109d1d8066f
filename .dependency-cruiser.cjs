// Import rules of the house (issue 11), checked by `depcruise` (dependency-cruiser 17.x; 18.x needs Node 22) in lint.
// Run: npm run lint. .dependency-cruiser-known-violations.json is the baseline of accepted violations
// (depcruise-baseline): it is empty, and stays so.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles: move the shared piece to a third module (locks and channels live in lib/db, signing in lib/net).",
      from: {},
      to: { circular: true },
    },
    {
      name: "domains-not-to-http",
      severity: "error",
      comment: "Verbs take plain values and throw domain errors; only app/api and lib/http speak HTTP.",
      from: { path: "^lib/(?!http/|testing/)[^/]+/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^lib/http/" },
    },
    {
      name: "pages-not-to-db",
      severity: "error",
      comment: "Pages and components reach data through verbs (lib/<domain>), never lib/db directly.",
      from: { path: "^(app/(?!api/)|components/)" },
      to: { path: "^lib/db/" },
    },
    {
      name: "domains-not-to-worker",
      severity: "error",
      comment: "The worker process lists the domain loops (lib/worker/loops.ts); domains never import it back.",
      from: { path: "^lib/(?!worker/)[^/]+/" },
      to: { path: "^lib/worker/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|\\.workers|node_modules|drizzle|test-results|playwright-report)/" },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"] },
  },
};
