// Small profiles for unit tests, written as stacks of frame names. A stack is
// given root first ("A;B;C"); a location with inlined frames is written
// "B+C" (outermost first: C was inlined into B). Each distinct location text
// becomes one location, each name one function (file "<name>.go").
import { ProfileBuilder, type BuilderLabel } from '../profile/builder';
import type { Profile } from '../profile/model';

export interface TestSample {
  stack: string; // "A;B+C;D", root first; "" for an empty stack
  value?: number; // default 1
  labels?: BuilderLabel[];
}

export function testProfile(samples: TestSample[], opts: { mappingFile?: string } = {}): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.addSampleType('cpu', 'nanoseconds');
  const m = b.addMapping({ start: 0x1000n, limit: 0x9000n, file: b.string(opts.mappingFile ?? '/bin/prog'), hasFunctions: true });
  const fns = new Map<string, number>();
  const fn = (name: string) => {
    let f = fns.get(name);
    if (f === undefined) {
      f = b.addFunction(name, name, name + '.go');
      fns.set(name, f);
    }
    return f;
  };
  const locs = new Map<string, number>();
  const loc = (text: string) => {
    let l = locs.get(text);
    if (l === undefined) {
      // Lines innermost first: reverse of the "outer+inner" notation.
      const lines = text.split('+').reverse().map((n, i) => ({ function: fn(n), line: 10 + i }));
      l = b.addLocation(BigInt(0x1000 + 16 * locs.size), m, lines);
      locs.set(text, l);
    }
    return l;
  };
  for (const s of samples) {
    const stack = s.stack === '' ? [] : s.stack.split(';').reverse().map(loc);
    const v = s.value ?? 1;
    b.addSample(stack, [v, v * 1000], s.labels ?? []);
  }
  return b.build();
}

/** The stacks of p as text, in the same notation, one per sample. */
export function stacksOf(p: Profile): string[] {
  const s = p.samples;
  const L = p.locations;
  const out: string[] = [];
  for (let i = 0; i < s.count; i++) {
    const parts: string[] = [];
    for (let k = s.stackStart[i + 1] - 1; k >= s.stackStart[i]; k--) {
      const l = s.stackLocs[k];
      const names: string[] = [];
      for (let j = L.lineStart[l + 1] - 1; j >= L.lineStart[l]; j--) names.push(p.strings[p.functions.name[L.lineFunction[j]]]);
      parts.push(names.join('+'));
    }
    out.push(parts.join(';'));
  }
  return out;
}
