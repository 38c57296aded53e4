// pprof's (*Profile).String() (google/pprof profile/profile.go), byte for byte.
// It is also the layout of `go tool pprof -raw` and of pprof's parser test
// goldens (testdata/X.string).
import { str, type Profile } from './model';
import { goDurationPrec4, goInt, goStringCompare, goTimeUTC } from './go-format';

const LABEL_HEADER = '                ';
const LINE_INDENT = '             ';

export interface ToStringOptions {
  /**
   * Print line entries as `file:line:column` like current google/pprof
   * (its testdata/*.string goldens); default false: `file:line`, as the
   * Go 1.19 `go tool pprof -raw` goldens do.
   */
  columns?: boolean;
}

export function profileToString(p: Profile, opts: ToStringOptions = {}): string {
  const ss: string[] = [];
  for (const c of p.comments) ss.push('Comment: ' + str(p, c));
  if (p.periodType) ss.push(`PeriodType: ${str(p, p.periodType.type)} ${str(p, p.periodType.unit)}`);
  ss.push(`Period: ${goInt(p.period)}`);
  if (p.timeNanos !== 0n) ss.push(`Time: ${goTimeUTC(p.timeNanos)}`);
  if (p.durationNanos !== 0) ss.push(`Duration: ${goDurationPrec4(BigInt(Math.trunc(p.durationNanos)))}`);

  ss.push('Samples:');
  const dflt = str(p, p.defaultSampleType);
  let sh = '';
  for (const st of p.sampleTypes) {
    const t = str(p, st.type);
    sh += `${t}/${str(p, st.unit)}${t === dflt ? '[dflt]' : ''} `;
  }
  ss.push(sh.trim());
  for (let i = 0; i < p.samples.count; i++) ss.push(sampleString(p, i));

  ss.push('Locations');
  for (let i = 0; i < p.locations.count; i++) ss.push(locationString(p, i, opts.columns ?? false));

  ss.push('Mappings');
  for (const m of p.mappings) {
    let bits = '';
    if (m.hasFunctions) bits += '[FN]';
    if (m.hasFilenames) bits += '[FL]';
    if (m.hasLineNumbers) bits += '[LN]';
    if (m.hasInlineFrames) bits += '[IN]';
    ss.push(`${m.id}: ${hex(m.start)}/${hex(m.limit)}/${hex(m.offset)} ${str(p, m.file)} ${str(p, m.buildId)} ${bits}`);
  }
  return ss.join('\n') + '\n';
}

function hex(v: bigint): string {
  return '0x' + v.toString(16);
}

function sampleString(p: Profile, i: number): string {
  const s = p.samples;
  let sv = '';
  for (const col of s.values) sv += ' ' + goInt(col[i]).padStart(10);
  sv += ': ';
  for (let k = s.stackStart[i]; k < s.stackStart[i + 1]; k++) sv += goInt(p.locations.id[s.stackLocs[k]]) + ' ';
  const out = [sv];

  // Group values by key in order, as Go's Sample.Label / NumLabel maps do.
  const strLabels = new Map<string, string[]>();
  const numLabels = new Map<string, { v: number; unit: string }[]>();
  const keyHasUnit = new Set<string>();
  for (let k = s.labelStart[i]; k < s.labelStart[i + 1]; k++) {
    const key = str(p, s.labelKey[k]);
    if (s.labelStr[k] !== 0) {
      pushTo(strLabels, key, str(p, s.labelStr[k]));
    } else {
      // (A label with neither string, number nor unit is dropped when
      // decoded from protobuf, as by Go's decoder; one built in memory, like
      // a legacy heap sample's bytes:[0], is printed, as Go does.)
      const unit = str(p, s.labelNumUnit[k]);
      if (s.labelNumUnit[k] !== 0) keyHasUnit.add(key);
      pushTo(numLabels, key, { v: s.labelNum[k], unit });
    }
  }
  if (strLabels.size > 0) {
    const ls = [...strLabels].map(([k, vs]) => `${k}:[${vs.join(' ')}]`);
    out.push(LABEL_HEADER + ls.sort(goStringCompare).join(' '));
  }
  if (numLabels.size > 0) {
    const ls = [...numLabels].map(([k, vs]) =>
      keyHasUnit.has(k)
        ? `${k}:[${vs.map((x) => `${goInt(x.v)} ${x.unit}`).join(' ')}]`
        : `${k}:[${vs.map((x) => goInt(x.v)).join(' ')}]`,
    );
    out.push(LABEL_HEADER + ls.sort(goStringCompare).join(' '));
  }
  return out.join('\n');
}

function pushTo<T>(m: Map<string, T[]>, k: string, v: T): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function locationString(p: Profile, i: number, columns: boolean): string {
  const L = p.locations;
  const F = p.functions;
  let locStr = `${goInt(L.id[i]).padStart(6)}: ${hex(L.address[i])} `;
  const mi = L.mapping[i];
  if (mi >= 0 && p.mappings[mi]) locStr += `M=${p.mappings[mi].id} `;
  if (L.isFolded[i]) locStr += '[F] ';
  const ss: string[] = [];
  if (L.lineStart[i] === L.lineStart[i + 1]) ss.push(locStr);
  for (let k = L.lineStart[i]; k < L.lineStart[i + 1]; k++) {
    let ln = '??';
    const f = L.lineFunction[k];
    if (f >= 0) {
      const name = str(p, F.name[f]);
      const sys = str(p, F.systemName[f]);
      const col = columns ? ':' + goInt(L.lineColumn[k]) : '';
      ln = `${name} ${str(p, F.filename[f])}:${goInt(L.lineNumber[k])}${col} s=${goInt(F.startLine[f])}`;
      if (name !== sys) ln += '(' + sys + ')';
    }
    ss.push(locStr + ln);
    locStr = LINE_INDENT;
  }
  return ss.join('\n');
}
