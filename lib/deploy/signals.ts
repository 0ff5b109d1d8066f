// In-process wake-ups: a deploy request wakes this process's deploy worker at once (other processes
// poll). Shared through globalThis because Next's instrumentation has its own module instance.
import { EventEmitter } from "node:events";

const g = globalThis as typeof globalThis & { __indexhookSignals?: EventEmitter };
export const signals = (g.__indexhookSignals ??= new EventEmitter().setMaxListeners(50));

/** NOTIFY channel announcing a new live version: payload { indexId, deploymentId }. */
export const LIVE_CHANNEL = "indexhook_live";

/** NOTIFY channel announcing a built (not yet live) version, so processes can load it ahead of the flip. */
export const PREPARE_CHANNEL = "indexhook_prepare";

/** NOTIFY channel announcing a revoked API key: payload the key id. Every process drops it from its key cache. */
export const KEYS_CHANNEL = "indexhook_keys";
