// Once per test run: make sure a current production build exists (server tests run `next start`)
// and dump a migrated PGlite database that every suite loads as its own fresh copy (~1 s, not ~5 s).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb } from "../db/client";

export default async function setup(project: TestProject) {
  // @ts-expect-error plain .mjs script without types
  const { ensureBuild } = await import("../../scripts/ensure-build.mjs");
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-template-"));
  const handle = await openDb({ pgliteDir: "memory://" });
  const dump = await handle.dumpDataDir!();
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
