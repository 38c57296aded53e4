// pprof's measurement.ScaleProfiles (internal/measurement/measurement.go):
// before merging, profiles whose sample types use different units of one
// family (ms and ns, kB and B) are scaled to the finest unit.
import { ProfileError } from './errors';
import { str, type Profile, type ValueType } from './model';
import { isKnownUnit, scale } from '../units/measurement';
import { scaleValues } from './scale-values';

interface VT {
  type: string;
  unit: string;
}

// The unit family of a known unit: the name 'auto' picks within the family.
function family(unit: string): string {
  if (!isKnownUnit(unit)) return '';
  const name = scale(1, unit, 'auto')[1];
  if (name.endsWith('B')) return 'bytes';
  if (name.endsWith('GCU')) return 'gcu';
  return 'time';
}

function compatible(a: VT | null, b: VT | null): boolean {
  if (!a || !b) return true;
  const trim = (s: string): string => (s.endsWith('s') ? s.slice(0, -1) : s);
  if (trim(a.type) !== trim(b.type)) return false;
  if (a.unit === b.unit) return true;
  const fa = family(a.unit);
  return fa !== '' && fa === family(b.unit);
}

/** CommonValueType: the finest of compatible types, null for fewer than two. */
function commonValueType(ts: (VT | null)[], what: string): VT | null {
  if (ts.length <= 1) return null;
  let min = ts[0];
  for (const t of ts.slice(1)) {
    if (!compatible(min, t)) {
      const show = (v: VT | null): string => (v ? `${v.type}/${v.unit}` : 'none');
      throw new ProfileError(
        `cannot combine profiles: ${what}: incompatible types ${show(min)} and ${show(t)} (merge only profiles of the same kind)`,
      );
    }
    if (t && min && scale(1, t.unit, min.unit)[0] < 1) min = t;
  }
  return min ? { ...min } : null;
}

function vt(p: Profile, v: ValueType | null): VT | null {
  return v ? { type: str(p, v.type), unit: str(p, v.unit) } : null;
}

function withUnit(p: Profile, v: ValueType, unit: string): { strings: string[]; v: ValueType } {
  let i = p.strings.indexOf(unit);
  const strings = i < 0 ? [...p.strings, unit] : p.strings;
  if (i < 0) i = strings.length - 1;
  return { strings, v: { type: v.type, unit: i } };
}

/** Returns the profiles scaled to common units (the same objects when nothing changes). */
export function unifyUnits(profiles: Profile[]): Profile[] {
  if (profiles.length === 0) return profiles;
  const periodTypes = profiles.filter((p) => p.periodType).map((p) => vt(p, p.periodType));
  const periodType = commonValueType(periodTypes, 'period type');
  const n = profiles[0].sampleTypes.length;
  for (const p of profiles.slice(1)) {
    if (p.sampleTypes.length !== n) {
      throw new ProfileError(
        `cannot combine profiles: inconsistent sample type count: ${n} != ${p.sampleTypes.length} (merge only profiles of the same kind)`,
      );
    }
  }
  const common: (VT | null)[] = [];
  for (let t = 0; t < n; t++) common.push(commonValueType(profiles.map((p) => vt(p, p.sampleTypes[t])), 'sample types'));

  return profiles.map((p0) => {
    let p = p0;
    if (p.periodType && periodType) {
      const from = str(p, p.periodType.unit);
      const period = Math.trunc(scale(p.period, from, periodType.unit)[0]);
      if (period !== p.period || from !== periodType.unit) {
        const u = withUnit(p, p.periodType, periodType.unit);
        p = { ...p, strings: u.strings, period, periodType: u.v };
      }
    }
    const ratios = p.sampleTypes.map((st, t) => {
      const c = common[t];
      return c ? scale(1, str(p, st.unit), c.unit)[0] : 1;
    });
    const sampleTypes = p.sampleTypes.map((st, t) => {
      const c = common[t];
      if (!c || str(p, st.unit) === c.unit) return st;
      const u = withUnit(p, st, c.unit);
      p = { ...p, strings: u.strings };
      return u.v;
    });
    if (sampleTypes.some((st, t) => st !== p.sampleTypes[t])) p = { ...p, sampleTypes };
    return scaleValues(p, ratios);
  });
}
