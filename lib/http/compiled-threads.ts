// Imported first by the fast lane's bundle (lib/http/fast-lane-entry.ts): its search state may be the first
// to start the search threads (lib/search/live.ts creates the pool on load), and in the production server
// those run the prebuilt .workers/ bundles, not TypeScript.
import { enableCompiledThreads } from "../search/engine/spawn";

enableCompiledThreads();
