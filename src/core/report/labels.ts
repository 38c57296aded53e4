// The header lines of pprof's reports: report.ProfileLabels (File, Build ID,
// comments, Type, Time, Duration) and report.reportLabels (the legend).
import { basePath } from '../graph/paths';
import type { Graph } from '../graph/types';
import { flatValue } from '../graph/types';
import { label, percentage, scale } from '../units/measurement';
import type { Report } from './report';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.Format("Jan 2, 2006 at 3:04pm (MST)") in UTC. */
export function formatProfileTime(timeNanos: bigint): string {
  let ms = timeNanos / 1000000n;
  if (timeNanos < 0n && timeNanos % 1000000n !== 0n) ms -= 1n; // floor, as time.Unix
  const d = new Date(Number(ms));
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${h12}:${mm}${h < 12 ? 'am' : 'pm'} (UTC)`;
}

export function profileLabels(rpt: Report): string[] {
  const p = rpt.prof;
  const o = rpt.o;
  const out: string[] = [];
  if (p.mappings.length > 0) {
    const file = p.strings[p.mappings[0].file] ?? '';
    if (file !== '') out.push('File: ' + basePath(file));
    const buildId = p.strings[p.mappings[0].buildId] ?? '';
    if (buildId !== '') out.push('Build ID: ' + buildId);
  }
  for (const c of p.comments) {
    const s = p.strings[c] ?? '';
    if (!s.startsWith('#')) out.push(s);
  }
  if (o.sampleType !== '') out.push('Type: ' + o.sampleType);
  if (p.timeNanos !== 0n) out.push('Time: ' + formatProfileTime(p.timeNanos));
  if (p.durationNanos !== 0) {
    const duration = label(p.durationNanos, 'nanoseconds');
    const [totalNanos, totalUnit] = scale(rpt.total, o.sampleUnit, 'nanoseconds');
    let ratio = '';
    if (totalUnit === 'ns' && totalNanos !== 0) {
      ratio = '(' + percentage(Math.trunc(totalNanos), p.durationNanos) + ')';
    }
    out.push(`Duration: ${duration}, Total samples = ${rpt.formatValue(rpt.total)} ${ratio}`);
  }
  return out;
}

export function legendActiveFilters(filters: string[]): string[] {
  const out = ['Active filters:'];
  for (let s of filters) {
    const bytes = new TextEncoder().encode(s);
    if (bytes.length > 80) s = new TextDecoder().decode(bytes.slice(0, 80)) + '…';
    out.push('   ' + s);
  }
  return out;
}

function genLabel(d: number, n: string, l: string, f: string): string {
  if (d > 1) n += 's';
  return `Dropped ${d} ${n} (${l} <= ${f})`;
}

export function reportLabels(
  rpt: Report,
  g: Graph,
  origCount: number,
  droppedNodes: number,
  droppedEdges: number,
  fullHeaders: boolean,
): string[] {
  const o = rpt.o;
  const nodeCount = g.nodes.length;
  const out = fullHeaders || !o.compactLabels ? profileLabels(rpt) : [];
  let flatSum = 0;
  for (const n of g.nodes) flatSum += flatValue(n);
  if (o.activeFilters.length > 0) out.push(...legendActiveFilters(o.activeFilters));
  out.push(
    `Showing nodes accounting for ${rpt.formatValue(flatSum)}, ${percentage(flatSum, rpt.total).trim()} of ${rpt.formatValue(rpt.total)} total`,
  );
  if (rpt.total !== 0) {
    if (droppedNodes > 0) {
      out.push(genLabel(droppedNodes, 'node', 'cum', rpt.formatValue(Math.abs(Math.trunc(rpt.total * o.nodeFraction)))));
    }
    if (droppedEdges > 0) {
      out.push(genLabel(droppedEdges, 'edge', 'freq', rpt.formatValue(Math.abs(Math.trunc(rpt.total * o.edgeFraction)))));
    }
    if (nodeCount > 0 && nodeCount < origCount) out.push(`Showing top ${nodeCount} nodes out of ${origCount}`);
  }
  if (fullHeaders) out.push('\nSee https://git.io/JfYMW for how to read the graph');
  return out;
}
