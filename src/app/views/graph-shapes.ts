// Graphviz's drawing of one node or edge (shapes the worker read from its
// layout) as SVG elements. Built with the DOM directly (no d3 selection per
// element: this is most of the drawing's script time). Every string from the
// profile is set as text or as an attribute value: never as markup.
import type { GraphShape } from '../../core/view/graph';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DASH = { dotted: '1,5', dashed: '5,2' } as const;

export function svgEl<K extends keyof SVGElementTagNameMap>(name: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG_NS, name);
}

function pathOf(kind: 'polygon' | 'polyline' | 'bezier', p: number[]): string {
  if (p.length < 2) return '';
  let d = `M${p[0]},${p[1]}`;
  if (kind === 'bezier') {
    for (let i = 2; i + 5 < p.length; i += 6) d += `C${p[i]},${p[i + 1]} ${p[i + 2]},${p[i + 3]} ${p[i + 4]},${p[i + 5]}`;
  } else {
    for (let i = 2; i + 1 < p.length; i += 2) d += `L${p[i]},${p[i + 1]}`;
    if (kind === 'polygon') d += 'Z';
  }
  return d;
}

function shapeEl(s: GraphShape): SVGElement {
  if (s.kind === 'text') {
    const t = svgEl('text');
    t.setAttribute('x', String(s.x));
    t.setAttribute('y', String(s.y));
    t.setAttribute('text-anchor', s.anchor);
    t.setAttribute('font-family', s.fontFamily);
    t.setAttribute('font-size', String(s.fontSize));
    t.setAttribute('fill', s.color);
    t.textContent = s.text;
    return t;
  }
  let el: SVGElement;
  if (s.kind === 'ellipse') {
    el = svgEl('ellipse');
    el.setAttribute('cx', String(s.cx));
    el.setAttribute('cy', String(s.cy));
    el.setAttribute('rx', String(s.rx));
    el.setAttribute('ry', String(s.ry));
  } else {
    el = svgEl('path');
    el.setAttribute('d', pathOf(s.kind, s.points));
  }
  el.setAttribute('fill', s.fill ?? 'none');
  el.setAttribute('stroke', s.stroke);
  if (s.strokeWidth !== 1) el.setAttribute('stroke-width', String(s.strokeWidth));
  if (s.dash) el.setAttribute('stroke-dasharray', DASH[s.dash]);
  return el;
}

/** A <g class=...> with a <title> (the tooltip) and the shapes. */
export function shapeGroup(className: string, title: string, shapes: readonly GraphShape[]): SVGGElement {
  const g = svgEl('g');
  g.setAttribute('class', className);
  const t = svgEl('title');
  t.textContent = title;
  g.appendChild(t);
  for (const s of shapes) g.appendChild(shapeEl(s));
  return g;
}
