// A tiny hand-made profile for graph and report tests: recursion, an inlined
// call, a zero sample and a frame without function.
import { ProfileBuilder } from '../profile/builder';
import type { Profile } from '../profile/model';

export function tinyProfile(): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.addSampleType('cpu', 'nanoseconds');
  b.periodType = b.valueType('cpu', 'nanoseconds');
  b.period = 10_000_000;
  const m = b.addMapping({ start: 0x400000n, limit: 0x500000n, file: b.string('/bin/prog') });
  const main = b.addFunction('main.main', 'main.main', 'prog/main.go');
  const a = b.addFunction('main.A', 'main.A', 'prog/a.go');
  const bf = b.addFunction('pkg.B', 'pkg.B', 'pkg/b.go');
  const c = b.addFunction('pkg.C', 'pkg.C', 'pkg/c.go');
  const l0 = b.addLocation(0x401000n, m, [{ function: main, line: 10 }]);
  const l1 = b.addLocation(0x402000n, m, [{ function: a, line: 20 }]);
  const l2 = b.addLocation(0x403000n, m, [{ function: c, line: 40 }, { function: bf, line: 30 }]); // C inlined into B
  const l3 = b.addLocation(0x403100n, m, [{ function: bf, line: 31 }]);
  const l4 = b.addLocation(0x404000n, m, []); // no symbol
  b.addSample([l2, l1, l0], [1, 10_000_000]); // main -> A -> B -> C (inline)
  b.addSample([l1, l3, l1, l0], [1, 5_000_000]); // main -> A -> B -> A (recursion)
  b.addSample([l0], [0, 0]); // zero: ignored by graphs
  b.addSample([l4, l0], [1, 2_000_000]); // main -> unknown frame
  return b.build();
}
