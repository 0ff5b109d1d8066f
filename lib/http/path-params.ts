// Path parameters from the URL, for contracts whose parameter names differ from the folder's segment name.

/**
 * The contract's path parameters Next did not name, read from the URL by the contract's path template:
 * one folder serves two contracts whose parameter has different names (app/api/v1/webhooks/[id] is
 * {indexId} for the Orama routes and {uuid} for Meilisearch's), and Next allows one name per level.
 */
export function withPathParams(template: string, pathname: string, given: Record<string, string | string[]>): Record<string, string | string[]> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (names.every((n) => n in given)) return given;
  const tpl = template.split("/");
  const segs = pathname.replace(/\/+$/, "").split("/");
  if (tpl.length !== segs.length) return given;
  const out = { ...given };
  tpl.forEach((t, i) => {
    const m = /^\{(\w+)\}$/.exec(t);
    if (m && !(m[1] in out)) {
      try {
        out[m[1]] = decodeURIComponent(segs[i]);
      } catch {
        out[m[1]] = segs[i];
      }
    }
  });
  return out;
}
