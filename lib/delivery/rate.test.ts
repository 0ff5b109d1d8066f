// The rate gate's arithmetic (the claim and the record use it on a real database in rate-ops-claim.test.ts).
import { describe, expect, it } from "vitest";
import { paceAfter, rateSlot, RATE_LEAD_MS } from "./rate";

const now = new Date("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("rate slots", () => {
  it("sends now without a limit, without a slot yet, or when the slot has come", () => {
    expect(rateSlot({ rateLimit: null, nextSendAt: at(5000) }, now)).toEqual({ sendAt: now });
    expect(rateSlot({ rateLimit: 2, nextSendAt: null }, now)).toEqual({ sendAt: now });
    expect(rateSlot({ rateLimit: 2, nextSendAt: at(-1) }, now)).toEqual({ sendAt: now });
    expect(rateSlot({ rateLimit: 2, nextSendAt: now }, now)).toEqual({ sendAt: now });
  });

  it("claims up to RATE_LEAD_MS ahead of the slot, to send at the slot; holds back until then otherwise", () => {
    expect(rateSlot({ rateLimit: 2, nextSendAt: at(RATE_LEAD_MS) }, now)).toEqual({ sendAt: at(RATE_LEAD_MS) });
    expect(rateSlot({ rateLimit: 2, nextSendAt: at(RATE_LEAD_MS + 1) }, now)).toEqual({ heldUntil: at(1) });
    expect(rateSlot({ rateLimit: 2, nextSendAt: at(800) }, now)).toEqual({ heldUntil: at(800 - RATE_LEAD_MS) });
  });

  it("paces the next slot 1 s / rateLimit (rounded up to the millisecond) after an answer", () => {
    expect(paceAfter({ rateLimit: null }, now)).toBeNull();
    expect(paceAfter({ rateLimit: 1 }, now)).toEqual(at(1000));
    expect(paceAfter({ rateLimit: 3 }, now)).toEqual(at(334));
  });
});
