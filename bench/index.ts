// `npm run bench -- <name>`: ingest | ndjson | search | search-http | deploy-load | delivery | memory. Prints tables (and a JSON line per table).
import { benchDelivery } from "./delivery";
import { benchDeployLoad } from "./deploy-load";
import { benchIngest } from "./ingest";
import { benchMemory } from "./memory";
import { benchNdjson } from "./ndjson";
import { benchSearchEngine } from "./search-engine";
import { benchSearchHttp } from "./search-http";

const benches: Record<string, () => Promise<void>> = { ingest: benchIngest, ndjson: benchNdjson, search: () => benchSearchEngine(), "search-http": benchSearchHttp, "deploy-load": benchDeployLoad, delivery: benchDelivery, memory: benchMemory };
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
