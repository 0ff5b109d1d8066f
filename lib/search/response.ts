// The HTTP answer of a search. `Cache-Control: no-transform` keeps Next's gzip middleware off it:
// compressing a few kB of JSON per request (a fresh zlib stream each time) was the largest single
// cost of a search over HTTP (≈ 18 % of the server's CPU at 16 concurrent); put a reverse proxy in
// front if the bandwidth matters more than the latency. `no-store`: results change with every deploy.
export const SEARCH_CACHE_CONTROL = "no-store, no-transform";

export function searchResponse(result: object): Response {
  return Response.json(result, { headers: { "cache-control": SEARCH_CACHE_CONTROL } });
}
