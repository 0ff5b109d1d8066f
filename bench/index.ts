// `npm run bench -- <name>`: ingest | ndjson. Prints tables (and a JSON line per table).
import { benchIngest } from "./ingest";
import { benchNdjson } from "./ndjson";

const benches: Record<string, () => Promise<void>> = { ingest: benchIngest, ndjson: benchNdjson };
const names = process.argv.slice(2).filter((a) => benches[a]);
const unknown = process.argv.slice(2).filter((a) => !benches[a] && !/^\d+$/.test(a));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(", ")}; available: ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}
async function main() {
  for (const name of names.length ? names : ["ingest"]) await benches[name]();
}
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
