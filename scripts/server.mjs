// The production server: Next's custom-server API (`next({ dev: false })` + getRequestHandler()) on a
// node:http server whose search fast lane (lib/http/fast-lane.ts, prebuilt into .workers/fast-lane.mjs)
// answers keyed search and init requests before Next's pipeline; everything else goes to Next.
// `node --import scripts/server-preload.mjs scripts/server.mjs -p <port> [-H <host>]` (scripts/start.mjs,
// scripts/e2e-server.mjs and lib/testing/server.ts start it so). Needs a build (npm run build).
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg("-p") ?? process.env.PORT ?? 3000);
const host = arg("-H"); // unset: every interface, as `next start`
// As `next start` does; the app's modules read it (route() strictness, cookies' Secure flag …).
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.title = "next-server (indexhook)";

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port });
// prepare() loads the build and runs instrumentation.ts register() once (boot: database, worker loop);
// a bad configuration exits there with one line that names it.
await app.prepare();
const handle = app.getRequestHandler();
const bundle = path.join(root, ".workers", "fast-lane.mjs");
const { createFastLane } = await import(pathToFileURL(bundle).href).catch((err) => {
  console.error(`[indexhook] cannot load ${path.relative(root, bundle)} (${err.code ?? err.message}): run \`npm run build\` (it builds .workers/ and .next/).`);
  process.exit(1);
});
const fastLane = createFastLane({ port });

const server = http.createServer((req, res) => {
  if (fastLane(req, res)) return;
  void handle(req, res);
});
// Above the usual 60 s of proxies and clients: with Node's 5 s default, a busy event loop let idle-expiry
// close sockets that had just been reused.
server.keepAliveTimeout = 65_000;
server.on("error", (err) => {
  console.error(`[indexhook] ${err.code === "EADDRINUSE" ? `port ${port} is in use` : err.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`[indexhook] listening on http://${host ?? "localhost"}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
