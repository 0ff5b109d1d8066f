// Sums the JSON reports of the vitest and Playwright runs into one closing line: "N passed, N failed".
// Above that line it names every failed test with the first lines of its error, so that the tail of a CI
// log (often all that is kept) says what failed, not only how many.
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const firstLines = (text) =>
  String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((l) => l.trim())
    .slice(0, 4)
    .map((l) => `      ${l.slice(0, 240)}`)
    .join("\n");

function walkPlaywright(suite, file, report) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status === "unexpected") {
        const last = test.results?.[test.results.length - 1];
        failures.push(`${report} › ${spec.file ?? file} › ${spec.title}\n${firstLines(last?.error?.message ?? last?.errors?.[0]?.message)}`);
      }
    }
  }
  for (const child of suite.suites ?? []) walkPlaywright(child, suite.file ?? file, report);
}

for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`missing report ${file} (that run did not finish)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const report = file.replace(/^.*\//, "").replace(/\.json$/, "");
  if ("numPassedTests" in r) {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    for (const t of r.testResults) {
      const name = t.name.replace(process.cwd() + "/", "");
      // A suite that failed to load has no failed tests but did fail.
      if (t.status === "failed" && t.assertionResults.length === 0) {
        failed += 1;
        failures.push(`${report} › ${name} (did not load)\n${firstLines(t.message)}`);
      }
      for (const a of t.assertionResults) {
        if (a.status === "failed") failures.push(`${report} › ${name} › ${a.fullName}\n${firstLines(a.failureMessages?.[0])}`);
      }
    }
  } else if (r.stats) {
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
    for (const s of r.suites ?? []) walkPlaywright(s, s.file, report);
  }
}
if (failures.length) {
  console.log("failed:");
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
