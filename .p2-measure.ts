import { readFileSync, writeFileSync } from 'node:fs';
import { parseProfileFast } from './src/cli/parse-fast';
import { runTextReport } from './src/core/report/index';
const file = process.argv[2];
const out = process.argv[3];
const kinds = (process.argv[4] ?? 'top,dot').split(',');
const p = parseProfileFast(new Uint8Array(readFileSync(file)));
for (const kind of kinds) {
  for (let r = 0; r < 2; r++) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const res = runTextReport(kind as 'top', p, {}, {});
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    console.log(`${kind} run${r}: cpu ${((c.user + c.system) / 1e3).toFixed(0)} ms wall ${t.toFixed(0)} ms  load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    if (r === 0) writeFileSync(`${out}.${kind}`, res.stdout);
  }
}
