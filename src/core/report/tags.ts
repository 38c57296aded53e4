// -tags: every label key with the value of the samples carrying each of its
// values (pprof's report.printTags, Go 1.19), laid out by Go's text/tabwriter
// with right alignment. No labels: empty output.
import { goCompare } from '../graph/tags';
import { labelKind, LABEL_NUM, LABEL_STR } from '../query/labels';
import { goFixed } from '../units/go-format';
import { percentage, scale, scaledLabel } from '../units/measurement';
import type { Report } from './report';

function runeLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Go's tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight) over text:
 * tab-terminated cells form columns across consecutive lines; the last cell
 * of a line is not part of a column.
 */
export function tabwriterAlignRight(text: string): string {
  const raw = text.split('\n');
  const trailing = raw.pop()!; // text after the last newline (usually '')
  const lines = raw.map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      let s = '';
      lines[i].forEach((c, j) => {
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - runeLen(c)));
        s += c;
      });
      out.push(s + '\n');
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = 0;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        width = Math.max(width, runeLen(line[column]) + 1);
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--; // the loop's t++ must not skip the line that ended the block
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('') + trailing;
}

interface TagCount {
  name: string;
  flat: number;
}

// graph.SortTags(tags, flat=true): by |flat| descending, then by name.
function sortTags(ts: TagCount[]): TagCount[] {
  return ts.sort((a, b) => (a.flat !== b.flat ? Math.abs(b.flat) - Math.abs(a.flat) : goCompare(a.name, b.name)));
}

/** The whole -tags output (pprof prints no header for it). */
export function tagsReport(rpt: Report, numLabelUnits: Map<string, string>): string {
  const p = rpt.prof;
  const s = p.samples;
  const o = rpt.o;
  const values = rpt.values;
  const tagMap = new Map<string, Map<string, number>>();
  const add = (key: string, val: string, v: number) => {
    let m = tagMap.get(key);
    if (!m) tagMap.set(key, (m = new Map()));
    m.set(val, (m.get(val) ?? 0) + v);
  };
  for (let i = 0; i < s.count; i++) {
    for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
      const kind = labelKind(s, j);
      if (kind === LABEL_STR) {
        add(p.strings[s.labelKey[j]] ?? '', p.strings[s.labelStr[j]] ?? '', values[i]);
      } else if (kind === LABEL_NUM) {
        const key = p.strings[s.labelKey[j]] ?? '';
        add(key, scaledLabel(s.labelNum[j], numLabelUnits.get(key) ?? '', o.outputUnit), values[i]);
      }
    }
  }
  let text = '';
  for (const key of [...tagMap.keys()].sort(goCompare)) {
    const m = tagMap.get(key)!;
    let total = 0;
    const tags: TagCount[] = [];
    for (const [name, c] of m) {
      total += c;
      tags.push({ name, flat: c });
    }
    const [f, u] = scale(total, o.sampleUnit, o.outputUnit);
    text += `${key}:\t Total ${goFixed(f, 1)}${u}\n`;
    for (const t of sortTags(tags)) {
      const [tf, tu] = scale(t.flat, o.sampleUnit, o.outputUnit);
      if (total > 0) text += ` \t${goFixed(tf, 1)}${tu} (${percentage(t.flat, total)}):\t ${t.name}\n`;
      else text += ` \t${goFixed(tf, 1)}${tu}:\t ${t.name}\n`;
    }
    text += '\n';
  }
  return tabwriterAlignRight(text);
}
