// Text contrast as a browser renders it: for each visible element with its own text, its colour against
// the background painted under it (each ancestor's background, alpha included, composed on a canvas, so
// oklch and translucent Tailwind colours count as drawn), as the WCAG contrast ratio.
import type { Page } from "@playwright/test";

export interface LowContrast {
  text: string;
  tag: string;
  ratio: number;
  color: string;
  background: string;
}

/** Elements matching `root` (and inside them) whose text has a contrast ratio below `min` (disabled controls are exempt, as in WCAG). */
export async function lowContrast(page: Page, root: string, min: number): Promise<LowContrast[]> {
  return page.evaluate(
    ({ root, min }) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
      /** The sRGB bytes of `colors` painted in order over an opaque page background. */
      const paint = (colors: string[]): [number, number, number] => {
        ctx.globalCompositeOperation = "source-over";
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, 1, 1);
        for (const c of colors) {
          ctx.fillStyle = c;
          ctx.fillRect(0, 0, 1, 1);
        }
        const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
        return [r, g, b];
      };
      const luminance = ([r, g, b]: number[]) => {
        const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const transparent = (c: string) => c === "transparent" || /^rgba\(.*,\s*0\)$/.test(c) || /\/\s*0\)$/.test(c);
      const out: { text: string; tag: string; ratio: number; color: string; background: string }[] = [];
      const scopes = [...document.querySelectorAll(root)];
      if (!scopes.length) return [{ text: `nothing matches ${root}`, tag: "", ratio: 0, color: "", background: "" }];
      const all = new Set(scopes.flatMap((s) => [s, ...s.querySelectorAll("*")]) as HTMLElement[]);
      for (const el of all) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        if (!own || el.closest("svg, [aria-hidden=true], .sr-only") || el.closest(":disabled, [aria-disabled=true]")) continue;
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (!rect.width || !rect.height || style.visibility === "hidden" || Number(style.opacity) === 0) continue;
        // Backgrounds from the root down to the element.
        const layers: string[] = [];
        for (let a: HTMLElement | null = el; a; a = a.parentElement) {
          const bg = getComputedStyle(a).backgroundColor;
          if (!transparent(bg)) layers.unshift(bg);
        }
        const back = paint(layers);
        const fore = paint([...layers, style.color]);
        const [l1, l2] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        if (ratio < min) out.push({ text: el.textContent!.trim().slice(0, 60), tag: el.tagName.toLowerCase(), ratio: Math.round(ratio * 100) / 100, color: style.color, background: `rgb(${back.join(",")})` });
      }
      return out;
    },
    { root, min },
  );
}
