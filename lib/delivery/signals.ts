// In-process wake-up for the delivery loop (an API call made a delivery due, e.g. a hook resumed).
// Shared through globalThis because Next's instrumentation has its own module instance.
import { EventEmitter } from "node:events";

const g = globalThis as typeof globalThis & { __indexhookDeliverySignals?: EventEmitter };
export const deliverySignals = (g.__indexhookDeliverySignals ??= new EventEmitter().setMaxListeners(50));

/** Call after a write that gives the delivery loop work (resume, replay queued). */
export function wakeDelivery(): void {
  deliverySignals.emit("wake");
}
