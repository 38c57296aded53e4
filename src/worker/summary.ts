// The small, serializable description of a loaded profile that the worker sends
// to the page: what is in the file, with the totals pprof would print.
import { str, type Profile } from '../core/profile/model';
import { label } from '../core/units/measurement';

export interface SampleTypeSummary {
  type: string;
  unit: string;
  /** pprof's total: the sum of |value| over all samples. */
  total: number;
  /** The signed sum (differs from total when some values are negative). */
  net: number;
  /** How pprof prints the total, e.g. "9.07s", "38.50MB", "1814". */
  totalLabel: string;
  netLabel: string;
  negativeRecords: number;
}

export interface ProfileSummary {
  fileName: string;
  byteLength: number;
  /** Base name of the first mapping's file, pprof's "File:" line; '' if none. */
  mainBinary: string;
  sampleTypes: SampleTypeSummary[];
  /** Index into sampleTypes of the type pprof shows by default; -1 if none. */
  defaultSampleType: number;
  /** Sample records (Go merges identical stacks and labels into one record). */
  records: number;
  locations: number;
  functions: number;
  mappings: number;
  /** Profile start as an ISO-8601 UTC string; null when the file has none. */
  time: string | null;
  /** pprof's "Time:" text in UTC, e.g. "Nov 26, 2026 at 11:23pm (UTC)". */
  timeLabel: string | null;
  durationNanos: number;
  /** pprof's "Duration:" value, e.g. "10.17s"; null when the file has none. */
  durationLabel: string | null;
  periodType: { type: string; unit: string } | null;
  period: number;
  periodLabel: string | null;
  comments: string[];
  /** Time the worker spent parsing, in milliseconds. */
  parseMs: number;
}

/** pprof's SampleIndexByName(""): default_sample_type if it names a type, else the last type. */
export function defaultSampleTypeIndex(p: Profile): number {
  const dst = str(p, p.defaultSampleType);
  if (dst !== '') {
    const i = p.sampleTypes.findIndex((t) => str(p, t.type) === dst);
    if (i >= 0) return i;
  }
  return p.sampleTypes.length - 1;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's "Jan 2, 2006 at 3:04pm (MST)" layout, in UTC. */
export function pprofTimeLabel(d: Date): string {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ampm = h < 12 ? 'am' : 'pm';
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${h12}:${mm}${ampm} (UTC)`;
}

function baseName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

export function summarize(p: Profile, fileName: string, byteLength: number, parseMs: number): ProfileSummary {
  const sampleTypes = p.sampleTypes.map((t, k): SampleTypeSummary => {
    const col = p.samples.values[k];
    let total = 0;
    let net = 0;
    let negativeRecords = 0;
    for (let i = 0; i < p.samples.count; i++) {
      const v = col[i];
      total += Math.abs(v);
      net += v;
      if (v < 0) negativeRecords++;
    }
    const unit = str(p, t.unit);
    return {
      type: str(p, t.type),
      unit,
      total,
      net,
      totalLabel: label(total, unit),
      netLabel: label(net, unit),
      negativeRecords,
    };
  });
  const ms = p.timeNanos / 1_000_000n;
  const date = p.timeNanos !== 0n ? new Date(Number(ms)) : null;
  const periodType = p.periodType ? { type: str(p, p.periodType.type), unit: str(p, p.periodType.unit) } : null;
  return {
    fileName,
    byteLength,
    mainBinary: p.mappings.length > 0 && str(p, p.mappings[0].file) !== '' ? baseName(str(p, p.mappings[0].file)) : '',
    sampleTypes,
    defaultSampleType: defaultSampleTypeIndex(p),
    records: p.samples.count,
    locations: p.locations.count,
    functions: p.functions.count,
    mappings: p.mappings.length,
    time: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
    timeLabel: date && !Number.isNaN(date.getTime()) ? pprofTimeLabel(date) : null,
    durationNanos: p.durationNanos,
    durationLabel: p.durationNanos !== 0 ? label(p.durationNanos, 'nanoseconds') : null,
    periodType,
    period: p.period,
    periodLabel: periodType && p.period !== 0 ? label(p.period, periodType.unit) : null,
    comments: p.comments.map((c) => str(p, c)),
    parseMs,
  };
}
