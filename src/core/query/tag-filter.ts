// pprof's compileTagFilter and parseTagFilterRange (internal/driver/
// driver_focus.go): -tagfocus / -tagignore take `regex[,regex...]`,
// `key=regex[,regex...]`, or a numeric range with units (`32kb:`, `:1mb`,
// `1kb:2kb`, `64`), optionally after `key=`.
import type { Profile } from '../profile/model';
import { scale } from '../units/measurement';
import { compileGoRegexp } from './go-regexp';
import { labelKind, LABEL_NUM, LABEL_STR } from './labels';

/** Tests sample row i of the profile it was compiled for. */
export type SampleTest = (i: number) => boolean;

// Go's `([+-]?[[:digit:]]+)([[:alpha:]]+)?`, found anywhere in the filter.
const RANGE_RX = /([+-]?[0-9]+)([A-Za-z]+)?/g;

type NumTest = (v: number, unit: string) => boolean;

function parseInt64(s: string): number {
  const v = Number(s);
  if (!Number.isSafeInteger(v)) throw new Error(`failed to parse int ${s}`);
  return v;
}

/** The numeric test described by filter, or null when it is not a range. */
export function parseTagFilterRange(filter: string): NumTest | null {
  const ranges = [...filter.matchAll(RANGE_RX)].slice(0, 2);
  if (ranges.length === 0) return null;
  const [m0, d0, u0 = ''] = ranges[0];
  const [scaled, unit] = scale(parseInt64(d0), u0, u0);
  const inUnit = (v: number, u: string): number | null => {
    const [sv, su] = scale(v, u, unit);
    return su === unit ? sv : null;
  };
  if (ranges.length === 1) {
    if (filter === m0) return (v, u) => inUnit(v, u) === scaled;
    if (filter === m0 + ':') return (v, u) => (inUnit(v, u) ?? -Infinity) >= scaled;
    if (filter === ':' + m0) return (v, u) => (inUnit(v, u) ?? Infinity) <= scaled;
    return null;
  }
  const [m1, d1, u1 = ''] = ranges[1];
  if (filter !== m0 + ':' + m1) return null;
  const [scaled2, unit2] = scale(parseInt64(d1), u1, unit);
  if (unit !== unit2) return null;
  return (v, u) => {
    const sv = inUnit(v, u);
    return sv !== null && sv >= scaled && sv <= scaled2;
  };
}

export interface CompiledTagFilter {
  /** The test over the sample rows of profile p. */
  bind(p: Profile): SampleTest;
  warnings: string[];
}

/**
 * Compiles a tag filter for profile p. numLabelUnits: unit of each numeric
 * label key (pprof's NumLabelUnits). Throws GoRegexpError for a bad regex;
 * the caller words the error with the option's name.
 */
export function compileTagFilter(name: string, value: string, numLabelUnits: Map<string, string>): CompiledTagFilter {
  const eq = value.indexOf('=');
  let wantKey = '';
  if (eq >= 0) {
    wantKey = value.slice(0, eq);
    value = value.slice(eq + 1);
  }
  const warnings: string[] = [];

  let numFilter: NumTest | null;
  try {
    numFilter = parseTagFilterRange(value);
  } catch (e) {
    throw new RangeError(`${name}: ${(e as Error).message}`);
  }
  if (numFilter) {
    const nf = numFilter;
    warnings.push(`${name}:Interpreted '${value}' as range, not regexp`);
    return {
      warnings,
      bind: (p) => (i) => {
        const s = p.samples;
        for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
          if (labelKind(s, j) !== LABEL_NUM) continue;
          const key = p.strings[s.labelKey[j]] ?? '';
          if (wantKey !== '' && key !== wantKey) continue;
          if (nf(s.labelNum[j], numLabelUnits.get(key) ?? '')) return true;
        }
        return false;
      },
    };
  }

  const rxs = value.split(',').map((v) => compileGoRegexp(v));
  // Per string index, cached: values repeat across samples.
  const cache = rxs.map(() => new Map<string, boolean>());
  const matches = (r: number, text: string): boolean => {
    let v = cache[r].get(text);
    if (v === undefined) {
      v = rxs[r].test(text);
      cache[r].set(text, v);
    }
    return v;
  };
  if (wantKey === '') {
    // Every regex must match some "key:value" of the sample's string labels.
    return {
      warnings,
      bind: (p) => (i) => {
        const s = p.samples;
        for (let r = 0; r < rxs.length; r++) {
          let found = false;
          for (let j = s.labelStart[i]; j < s.labelStart[i + 1] && !found; j++) {
            if (labelKind(s, j) === LABEL_STR && matches(r, p.strings[s.labelKey[j]] + ':' + p.strings[s.labelStr[j]])) found = true;
          }
          if (!found) return false;
        }
        return true;
      },
    };
  }
  return {
    warnings,
    bind: (p) => (i) => {
      const s = p.samples;
      for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
        if (labelKind(s, j) !== LABEL_STR || p.strings[s.labelKey[j]] !== wantKey) continue;
        const v = p.strings[s.labelStr[j]] ?? '';
        for (let r = 0; r < rxs.length; r++) if (matches(r, v)) return true;
      }
      return false;
    },
  };
}
