// How the Flame Graph view labels and colours frames: pprof's units and
// percentages (src/core/units), pprof's short names, and a diff palette.
import type { FlameData, FlameNode } from '../../core/view/flame';
import { shortenFunctionName } from '../../core/graph/shorten';
import { percentage, scaledLabel } from '../../core/units/measurement';

const shortNames = new WeakMap<FlameNode, string>();

/** The frame's label: pprof's flame graph shows ShortenFunctionName of the full name. */
export function frameLabel(n: FlameNode): string {
  let s = shortNames.get(n);
  if (s === undefined) {
    s = n.name === 'root' && n.fn === '' ? 'root' : shortenFunctionName(n.name);
    shortNames.set(n, s);
  }
  return s;
}

// Formatting is exact (Go's %f) and not cheap, and a flame graph repeats the
// same values many times: memoized per unit pair and total.
let valueMemo = { key: '', map: new Map<number, string>() };
let percentMemo = { total: NaN, map: new Map<number, string>() };

export function formatValue(v: number, d: Pick<FlameData, 'sampleUnit' | 'outputUnit'>): string {
  const key = d.sampleUnit + '\u0000' + d.outputUnit;
  if (valueMemo.key !== key || valueMemo.map.size > 100_000) valueMemo = { key, map: new Map() };
  let s = valueMemo.map.get(v);
  if (s === undefined) valueMemo.map.set(v, (s = scaledLabel(v, d.sampleUnit, d.outputUnit)));
  return s;
}

/** "13.23%": pprof's percentage of the report total, unsigned as pprof prints it. */
export function formatPercent(v: number, total: number): string {
  if (percentMemo.total !== total || percentMemo.map.size > 100_000) percentMemo = { total, map: new Map() };
  let s = percentMemo.map.get(v);
  if (s === undefined) percentMemo.map.set(v, (s = percentage(v, total).trim()));
  return s;
}

/** Signed, for diffs: "+1.20MB", "-0.50MB". */
export function formatDelta(v: number, d: Pick<FlameData, 'sampleUnit' | 'outputUnit'>): string {
  const s = formatValue(v, d);
  return v > 0 ? `+${s}` : s;
}

export const HIGHLIGHT_COLOR = 'rgb(230, 0, 230)';

/**
 * Diff colouring: red for growth, green for shrinkage, stronger the larger the
 * change relative to the frame's width; grey when it nets to zero.
 */
export function diffColor(n: FlameNode): string {
  const delta = n.delta ?? 0;
  const ratio = n.value > 0 ? Math.min(1, Math.abs(delta) / n.value) : 0;
  const fade = Math.round(215 * (1 - ratio)); // 215 = light grey at no change
  if (delta > 0) return `rgb(235, ${fade}, ${fade})`;
  if (delta < 0) return `rgb(${fade}, 225, ${fade})`;
  return 'rgb(215, 215, 215)';
}
