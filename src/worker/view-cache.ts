// The engine's answers for the open profile, by request, so that going back
// to a view, a sample type or a zoom already seen answers at once; and the
// requests worth computing ahead while the person reads the page: the same
// view in the profile's other sample types (the SAMPLE menu's next choice).
import type { Profile } from '../core/profile/model';
import { sampleIndexByName } from '../core/report/sample-index';
import type { ViewRequest, ViewResponse } from './view-protocol';

const MAX_ENTRIES = 16;

export class ViewCache {
  private profile: Profile | null = null;
  // Insertion order is use order: the first entry is the least recently used.
  private readonly entries = new Map<string, ViewResponse>();

  get(p: Profile, req: ViewRequest): ViewResponse | undefined {
    if (p !== this.profile) return undefined;
    const k = requestKey(p, req);
    const r = this.entries.get(k);
    if (r !== undefined) {
      this.entries.delete(k);
      this.entries.set(k, r);
    }
    return r;
  }

  has(p: Profile, req: ViewRequest): boolean {
    return p === this.profile && this.entries.has(requestKey(p, req));
  }

  set(p: Profile, req: ViewRequest, res: ViewResponse): void {
    if (p !== this.profile) {
      this.entries.clear();
      this.profile = p;
    }
    const k = requestKey(p, req);
    this.entries.delete(k);
    this.entries.set(k, res);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The request as a key: JSON with sorted object keys, and the sample type as
 * its index (the default spelled out or not, a name or a number: one key).
 */
export function requestKey(p: Profile, req: ViewRequest): string {
  let si: string | undefined = req.options.sampleIndex;
  try {
    si = String(sampleIndexByName(p, si));
  } catch {
    // An unknown sample type: the engine answers with the error; key it as given.
  }
  return stableJson({ ...req, options: { ...req.options, sampleIndex: si } });
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** The same request in each of p's other sample types, by name. */
export function otherSampleTypes(p: Profile, req: ViewRequest): ViewRequest[] {
  let current: number;
  try {
    current = sampleIndexByName(p, req.options.sampleIndex);
  } catch {
    return [];
  }
  const out: ViewRequest[] = [];
  p.sampleTypes.forEach((t, i) => {
    if (i !== current) out.push({ ...req, options: { ...req.options, sampleIndex: p.strings[t.type] ?? String(i) } });
  });
  return out;
}
