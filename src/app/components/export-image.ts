// DOWNLOAD > SVG / PNG of the graph or flame graph: the view's drawing, found
// in the DOM (an <svg data-export> if the view marks one, else its largest
// svg), with the computed styles inlined so the file looks as on screen.
// XMLSerializer escapes all text: names from the profile stay text.

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'color', 'visibility', 'display'];

export function findExportSvg(root: ParentNode): SVGSVGElement | null {
  const marked = root.querySelector<SVGSVGElement>('svg[data-export]');
  if (marked) return marked;
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of Array.from(root.querySelectorAll<SVGSVGElement>('svg'))) {
    if (svg.parentElement?.closest('svg')) continue; // nested
    const r = svg.getBoundingClientRect();
    const area = r.width * r.height;
    if (area > bestArea) {
      best = svg;
      bestArea = area;
    }
  }
  return best;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * HTML inside <foreignObject> (d3-flame-graph's labels) taints a canvas, so a
 * PNG could not be made: the exported copy gets plain SVG text instead,
 * shortened to the box as the ellipsis on screen does.
 */
function foreignObjectAsText(src: SVGForeignObjectElement, dst: Element): void {
  const text = (src.textContent ?? '').trim();
  const w = src.width.baseVal.value;
  const h = src.height.baseVal.value;
  const inner = src.firstElementChild ?? src;
  const cs = getComputedStyle(inner);
  const fontSize = parseFloat(cs.fontSize) || 12;
  const maxChars = Math.floor((w - 6) / (fontSize * 0.6));
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(src.x.baseVal.value + 3));
  t.setAttribute('y', String(src.y.baseVal.value + h / 2 + fontSize * 0.35));
  t.setAttribute('style', `font-size:${cs.fontSize};font-family:${cs.fontFamily};fill:${cs.color};`);
  t.textContent = maxChars < 2 ? '' : text.length > maxChars ? text.slice(0, maxChars - 1) + '…' : text;
  dst.replaceWith(t);
}

function inlineStyles(src: Element, dst: Element): void {
  if (src instanceof SVGForeignObjectElement) {
    foreignObjectAsText(src, dst);
    return;
  }
  const cs = getComputedStyle(src);
  const style: string[] = [];
  for (const p of STYLE_PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) style.push(`${p}:${v}`);
  }
  if (style.length) dst.setAttribute('style', style.join(';') + ';' + (dst.getAttribute('style') ?? ''));
  // (copied first: a foreignObject child is replaced while we walk)
  const sc = Array.from(src.children);
  const dc = Array.from(dst.children);
  for (let i = 0; i < sc.length && i < dc.length; i++) inlineStyles(sc[i], dc[i]);
}

/**
 * Sent (synchronously) to the drawing before it is copied: a view that draws
 * in chunks across animation frames draws what is still to come, so the file
 * holds the whole drawing.
 */
export const EXPORT_EVENT = 'tsprof:export';

export function svgText(svg: SVGSVGElement): { text: string; width: number; height: number } {
  svg.dispatchEvent(new Event(EXPORT_EVENT));
  const r = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  const width = Math.max(1, Math.round(r.width));
  const height = Math.max(1, Math.round(r.height));
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(width));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(height));
  const bg = getComputedStyle(document.body).backgroundColor;
  clone.style.backgroundColor = bg;
  return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone), width, height };
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function svgToPng(svg: { text: string; width: number; height: number }): Promise<Blob> {
  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
