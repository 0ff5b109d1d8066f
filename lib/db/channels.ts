// Every cross-process (LISTEN/NOTIFY) channel name and every in-process wake-up, in one place, so
// domains signal each other through lib/db instead of importing each other. The emitters are shared
// through globalThis because Next's instrumentation has its own module instance.
import { EventEmitter } from "node:events";

const g = globalThis as typeof globalThis & { __indexhookSignals?: EventEmitter; __indexhookDeliverySignals?: EventEmitter };

/** In-process deploy signals: "wake" (a deploy was requested or a lane came free), "live" ({ indexId, deploymentId }). */
export const deploySignals = (g.__indexhookSignals ??= new EventEmitter().setMaxListeners(50));

/** In-process wake-up for the delivery loop (an API call made a delivery due, e.g. a hook resumed). */
export const deliverySignals = (g.__indexhookDeliverySignals ??= new EventEmitter().setMaxListeners(50));

/** Call after a write that gives this process's deploy loop work (other processes poll). */
export function wakeDeploy(): void {
  deploySignals.emit("wake");
}

/** Call after a write that gives the delivery loop work (resume, replay queued). */
export function wakeDelivery(): void {
  deliverySignals.emit("wake");
}

/** NOTIFY channel announcing a new live version: payload { indexId, deploymentId }. */
export const LIVE_CHANNEL = "indexhook_live";

/** NOTIFY channel announcing a built (not yet live) version, so processes can load it ahead of the flip. */
export const PREPARE_CHANNEL = "indexhook_prepare";

/** NOTIFY channel announcing a revoked API key: payload the key id. Every process drops it from its key cache. */
export const KEYS_CHANNEL = "indexhook_keys";

/** NOTIFY channel sent with every event-log append: wakes delivery loops in every process after the commit. */
export const EVENTS_CHANNEL = "indexhook_events";
