// The worker: the process role that runs the background loops, beside the web server (WORKER=inline)
// or alone (npm run worker). The caller passes the loops (lib/worker/loops.ts lists them); they are
// started once per process.
import type { DbHandle } from "../db";
import type { Loop } from "../loop";

type State = { status: "off" | "starting" | "running"; loops: Loop[] };
const g = globalThis as typeof globalThis & { __indexhookWorker?: State };
const state = (g.__indexhookWorker ??= { status: "off", loops: [] });

export async function startWorker(db: DbHandle, loops: Loop[]): Promise<void> {
  if (state.status !== "off") return;
  state.status = "starting";
  for (const loop of loops) await loop.start(db);
  state.loops = [...loops];
  state.status = "running";
}

export async function stopWorker(): Promise<void> {
  for (const loop of state.loops.reverse()) await loop.stop();
  state.loops = [];
  state.status = "off";
}

export function workerStatus(): State["status"] {
  return state.status;
}
