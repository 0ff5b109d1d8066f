// Preloaded into `next start` (node --import) by every launcher: stamps each request with the TCP
// peer's address in a header, overwriting any value the client sent. Route handlers in Next see only
// headers, and the X-Forwarded-For that `next start` fills in keeps a client's own value, so this is
// the one trustworthy witness of where a request came from (lib/http/peer.ts reads it, and only when
// this preload announced itself: a server started without it trusts no one).
import http from "node:http";

const HEADER = "x-indexhook-peer";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, req, ...rest) {
  if (event === "request" && req && req.headers) req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || "";
  return emit.call(this, event, req, ...rest);
};
globalThis.__indexhookPeerHeader = HEADER;
