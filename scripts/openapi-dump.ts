// Writes the OpenAPI document (the one GET /api/v1/openapi.json serves) to a file, for linters:
//   npx tsx scripts/openapi-dump.ts openapi.json && npx @redocly/cli lint openapi.json
import fs from "node:fs";
import path from "node:path";
import { openapiDocument } from "../lib/openapi/document";

const out = process.argv[2] ?? "openapi.json";
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, JSON.stringify(openapiDocument(), null, 2) + "\n");
console.log(`wrote ${out}`);
