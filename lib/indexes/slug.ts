// The index id the create form proposes for a name: "Café Movies (2024)" → "cafe-movies-2024". Client-safe.
// It always satisfies INDEX_ID (lib/contracts/indexes.ts) or is empty, so the server can still generate one.

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // the accents NFKD split off
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+/, "")
    .slice(0, 64)
    .replace(/[-_]+$/, "");
}
