/**
 * A small log-log line chart in SVG (no dependencies): one panel per metric,
 * N on the x axis, one line per series. Deterministic output for a given input.
 */
export interface Series {
  name: string;
  color: string;
  points: [number, number][];
}

export interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
}

const W = 460;
const H = 340;
const M = { left: 62, right: 14, top: 30, bottom: 96 };

const decades = (lo: number, hi: number): number[] => {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};
const label = (v: number) =>
  v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(1)));
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function panel(p: Panel, dx: number): string {
  const pts = p.series.flatMap((s) => s.points).filter(([x, y]) => x > 0 && y > 0);
  if (pts.length === 0) return "";
  const xs = decades(Math.min(...pts.map((q) => q[0])), Math.max(...pts.map((q) => q[0])));
  const ys = decades(Math.min(...pts.map((q) => q[1])), Math.max(...pts.map((q) => q[1])));
  const [x0, x1] = [Math.log10(xs[0]!), Math.log10(xs.at(-1)!)];
  const [y0, y1] = [Math.log10(ys[0]!), Math.log10(ys.at(-1)!)];
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const sx = (x: number) => dx + M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * iw;
  const sy = (y: number) => M.top + ih - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * ih;
  const f = (v: number) => v.toFixed(1);
  const out: string[] = [
    `<text x="${f(dx + W / 2)}" y="18" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`,
    `<text transform="translate(${f(dx + 14)},${f(M.top + ih / 2)}) rotate(-90)" text-anchor="middle">${esc(p.yLabel)}</text>`,
    `<text x="${f(dx + M.left + iw / 2)}" y="${H - M.bottom + 34}" text-anchor="middle">profiles (N, log scale)</text>`,
  ];
  for (const x of xs) {
    out.push(
      `<line x1="${f(sx(x))}" x2="${f(sx(x))}" y1="${M.top}" y2="${M.top + ih}" stroke="#ddd"/>`,
    );
    out.push(
      `<text x="${f(sx(x))}" y="${M.top + ih + 16}" text-anchor="middle">${label(x)}</text>`,
    );
  }
  for (const y of ys) {
    out.push(
      `<line x1="${f(dx + M.left)}" x2="${f(dx + M.left + iw)}" y1="${f(sy(y))}" y2="${f(sy(y))}" stroke="#ddd"/>`,
    );
    out.push(
      `<text x="${f(dx + M.left - 6)}" y="${f(sy(y) + 4)}" text-anchor="end">${label(y)}</text>`,
    );
  }
  p.series.forEach((s, i) => {
    const ok = s.points.filter(([x, y]) => x > 0 && y > 0);
    if (ok.length > 0) {
      const d = ok.map(([x, y], j) => `${j ? "L" : "M"}${f(sx(x))},${f(sy(y))}`).join(" ");
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
      for (const [x, y] of ok)
        out.push(`<circle cx="${f(sx(x))}" cy="${f(sy(y))}" r="3" fill="${s.color}"/>`);
    }
    const lx = dx + M.left + (i % 2) * (iw / 2);
    const ly = H - M.bottom + 54 + Math.floor(i / 2) * 16;
    out.push(`<rect x="${f(lx)}" y="${ly - 9}" width="12" height="4" fill="${s.color}"/>`);
    out.push(`<text x="${f(lx + 16)}" y="${ly - 3}">${esc(s.name)}</text>`);
  });
  return out.join("\n");
}

export function renderSvg(panels: Panel[]): string {
  const width = W * panels.length;
  const body = panels.map((p, i) => panel(p, i * W)).join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}" font-family="sans-serif" font-size="11">\n<rect width="${width}" height="${H}" fill="white"/>\n${body}\n</svg>\n`;
}
