// Entry of the fast lane's bundle (.workers/fast-lane.mjs, built by scripts/build-workers.mjs) that the
// production server (scripts/server.mjs) loads beside Next. Import order matters: compiled threads first.
import "./compiled-threads";

export { createFastLane, LANE_HEADER } from "./fast-lane";
