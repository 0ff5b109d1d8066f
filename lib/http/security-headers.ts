// Sent with every answer, pages and API alike (next.config.ts hands them to Next; the search fast lane
// sets them itself). The dashboard is never framed (clickjacking: no other site can overlay its buttons),
// no response is MIME-sniffed, and links out of the dashboard carry at most our origin, never a URL with
// an index or hook id in it. No imports: next.config.ts loads this file.
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
] as const;
