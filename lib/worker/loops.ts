// Every loop the worker runs, in start order. A domain adds its loop factory here; nothing registers
// itself on import.
import { analyticsRetentionLoop } from "../analytics/retention";
import { auditRetentionLoop } from "../audit/retention";
import { deliveryLoop } from "../delivery/loop";
import { deployLoop } from "../deploy/loop";
import { dumpReaperLoop } from "../dumps/loop";
import { uploadJanitorLoop } from "../ingest/janitor";
import type { Loop } from "../loop";

export function workerLoops(): Loop[] {
  return [uploadJanitorLoop(), deployLoop(), deliveryLoop(), auditRetentionLoop(), analyticsRetentionLoop(), dumpReaperLoop()];
}
