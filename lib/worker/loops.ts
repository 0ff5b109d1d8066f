// Registers every worker loop. Domains add their loop here (deploys, outbound deliveries).
import { deployWorker } from "../deploy/worker";
import { deliveryWorker } from "../delivery/worker";
import { uploadJanitor } from "../ingest/janitor";
import { registerLoop } from ".";

registerLoop(uploadJanitor());
registerLoop(deployWorker());
registerLoop(deliveryWorker());
