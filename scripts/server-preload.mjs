// Preloaded into the production server (scripts/server.mjs, node --import) by every launcher (scripts/start.mjs,
// scripts/e2e-server.mjs, lib/testing/server.ts). Jobs at the socket, before the search fast lane or Next sees the request:
// 1. Stamp each request with the TCP peer's address in a header, overwriting any value the client sent.
//    Route handlers in Next see only headers, and the X-Forwarded-For that `next start` fills in keeps a
//    client's own value, so this is the one trustworthy witness of where a request came from
//    (lib/http/peer.ts reads it, and only when this preload announced itself: a server started without
//    it trusts no one).
// 2. Answer 400 to a path with a broken percent-escape (`/api/v1/%`, `/api/v1/indexes/%zz`): Next's router
//    fails to decode it and answers a bare 500. This is done here, not in a Next proxy (middleware),
//    because a proxy makes Next buffer every request body with a 10 MB cap — NDJSON uploads and large
//    snapshots were silently cut short — and adds its cost to every search.
// 3. Give Node's bare 431 (request head over --max-http-header-size, e.g. a 20 KB `?q=`) and Next's bare "405 Method Not Allowed" (a method a route file does not export) the error envelope
//    on /api/ paths, like every other 4xx of the API.
import http from "node:http";

const HEADER = "x-indexhook-peer";

function malformedPath(url) {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const MESSAGE = "The request path has a malformed percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8).";

function refuse(req, res) {
  const api = req.url.startsWith("/api/");
  const body = api ? JSON.stringify({ error: { code: "invalid_request", message: MESSAGE } }) : `${MESSAGE}\n`;
  res.writeHead(400, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

function envelopeFor405(req, res) {
  // Next sends the headers of its empty 405 before ending it: mark the answer as JSON while they can
  // still change, then put the envelope in as the body if Next wrote none.
  let pending = false;
  let wrote = false;
  const mark = (status) => {
    if (!pending && !res.headersSent && (status ?? res.statusCode) === 405) {
      pending = true;
      res.setHeader("content-type", "application/json");
      res.removeHeader("content-length");
    }
  };
  const { writeHead, flushHeaders, write, end } = res;
  res.writeHead = function (status, ...args) {
    mark(status);
    return writeHead.call(this, status, ...args);
  };
  res.flushHeaders = function () {
    mark();
    return flushHeaders.call(this);
  };
  res.write = function (chunk, ...args) {
    mark();
    if (chunk != null && chunk.length) wrote = true;
    return write.call(this, chunk, ...args);
  };
  res.end = function (chunk, ...args) {
    mark();
    if (pending && !wrote && (chunk == null || typeof chunk === "function" || chunk.length === 0)) {
      const path = req.url.split("?")[0];
      return end.call(this, JSON.stringify({ error: { code: "method_not_allowed", message: `${req.method} is not allowed on ${path}.` } }));
    }
    return end.call(this, chunk, ...args);
  };
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitAtTheEdge(event, req, ...rest) {
  if (event === "clientError" && req && req.code === "HPE_HEADER_OVERFLOW") {
    const socket = rest[0];
    if (socket && socket.writable && !socket._httpMessage) {
      const body = JSON.stringify({ error: { code: "headers_too_large", message: "The request line and headers are too large (the query string, most likely): send search parameters in a POST body." } });
      socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return true;
    }
  }
  if (event === "request" && req && req.headers) {
    if (typeof req.url === "string" && malformedPath(req.url)) {
      refuse(req, rest[0]);
      return true;
    }
    req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || "";
    if (typeof req.url === "string" && req.url.startsWith("/api/") && rest[0]) envelopeFor405(req, rest[0]);
  }
  return emit.call(this, event, req, ...rest);
};
globalThis.__indexhookPeerHeader = HEADER;
