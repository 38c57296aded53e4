// -traces: every sample's stack, leaf first, with its labels and value
// (pprof's report.printTraces, Go 1.19). Samples come in profile order;
// samples whose value is 0 are printed too, samples without frames are not.
import { internFrames } from '../graph/frames';
import { printableName } from '../graph/node-info';
import { goCompare } from '../graph/tags';
import { labelKind, LABEL_NUM, LABEL_STR } from '../query/labels';
import { padLeft } from '../units/go-format';
import { label } from '../units/measurement';
import { profileLabels } from './labels';
import type { Report } from './report';

export const TRACES_SEPARATOR = '-----------+-------------------------------------------------------';

/** Label lines of sample i: "%10s:  v1 v2\n" per key, string keys then numeric keys, each sorted. */
function sampleLabelLines(rpt: Report, i: number, numLabelUnits: Map<string, string>): string {
  const p = rpt.prof;
  const s = p.samples;
  // Values grouped by key in order of appearance, as pprof's decoder does.
  const str = new Map<string, string[]>();
  const num = new Map<string, string[]>();
  for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
    const kind = labelKind(s, j);
    if (kind === LABEL_STR) {
      const key = p.strings[s.labelKey[j]] ?? '';
      if (!str.has(key)) str.set(key, []);
      str.get(key)!.push(p.strings[s.labelStr[j]] ?? '');
    } else if (kind === LABEL_NUM) {
      const key = p.strings[s.labelKey[j]] ?? '';
      if (!num.has(key)) num.set(key, []);
      num.get(key)!.push(label(s.labelNum[j], numLabelUnits.get(key) ?? ''));
    }
  }
  const lines = (m: Map<string, string[]>) =>
    [...m].map(([k, vs]) => `${padLeft(k, 10)}:  ${vs.join(' ')}\n`).sort(goCompare).join('');
  return lines(str) + lines(num);
}

/**
 * The whole -traces output, header included. numLabelUnits: the units of
 * numeric label keys (QueryResult.numLabelUnits).
 */
export function tracesReport(rpt: Report, numLabelUnits: Map<string, string>): string {
  const p = rpt.prof;
  const s = p.samples;
  const out: string[] = [profileLabels(rpt).join('\n') + '\n'];
  // Node names at the report's granularity, without -trim_path (pprof trims
  // file names only when it builds a graph, which -traces does not).
  const ft = internFrames(p, { granularity: rpt.o.granularity, noInlines: rpt.o.noInlines });
  const names = ft.infos.map(printableName);
  const values = rpt.values;
  const div = rpt.meanDiv;
  for (let i = 0; i < s.count; i++) {
    const a = s.stackStart[i];
    const b = s.stackStart[i + 1];
    let frames = 0;
    for (let k = a; k < b; k++) {
      const l = s.stackLocs[k];
      frames += ft.locStart[l + 1] - ft.locStart[l];
    }
    if (frames === 0) continue;
    out.push(TRACES_SEPARATOR + '\n');
    out.push(sampleLabelLines(rpt, i, numLabelUnits));
    let v = values[i];
    const d = div ? div[i] : 0;
    if (d !== 0) v = Math.trunc(v / d);
    let first = true;
    for (let k = a; k < b; k++) {
      const l = s.stackLocs[k];
      const end = ft.locStart[l + 1];
      for (let f = ft.locStart[l]; f < end; f++) {
        const vs = first ? rpt.formatValue(v) : '';
        first = false;
        // Every frame of a location but its outermost one was inlined.
        const inline = f !== end - 1 ? ' (inline)' : '';
        out.push(`${padLeft(vs, 10)}   ${names[ft.frames[f]]}${inline}\n`);
      }
    }
  }
  out.push(TRACES_SEPARATOR + '\n');
  return out.join('');
}
