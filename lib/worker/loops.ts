// Registers every worker loop. Domains add their loop here (deploys, outbound deliveries, housekeeping).
import { deployWorker } from "../deploy/worker";
import { deliveryWorker } from "../delivery/worker";
import { uploadJanitor } from "../ingest/janitor";
import { auditRetention } from "../audit/retention";
import { registerLoop } from ".";

registerLoop(uploadJanitor());
registerLoop(deployWorker());
registerLoop(deliveryWorker());
registerLoop(auditRetention());
