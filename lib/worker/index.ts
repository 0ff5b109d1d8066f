// The background worker: loops that run beside the web server (WORKER=inline) or alone (npm run worker).
// Each loop is registered by its domain (deploys, deliveries) and started once per process.
import type { DbHandle } from "../db";

export interface WorkerLoop {
  name: string;
  start(db: DbHandle): Promise<void> | void;
  stop(): Promise<void> | void;
}

type State = { status: "off" | "starting" | "running"; loops: WorkerLoop[] };
const g = globalThis as typeof globalThis & { __indexhookWorker?: State };
const state = (g.__indexhookWorker ??= { status: "off", loops: [] });

const loops: WorkerLoop[] = [];

export function registerLoop(loop: WorkerLoop): void {
  if (!loops.some((l) => l.name === loop.name)) loops.push(loop);
}

export async function startWorker(db: DbHandle): Promise<void> {
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
