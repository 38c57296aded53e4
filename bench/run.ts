// `npm run bench`: every benchmark in turn, then one table of the figures.
// Flags go to every bench: --runs=N --samples=N --no-generated --with-go
// (see decode.ts and top.ts); --browser adds browser.ts (after npm run build).
import { runDecode } from './decode';
import { runTop } from './top';
import { loadNote, printTable, type Figure } from './util';

const args = process.argv.slice(2);
const benches: [string, (a: string[]) => Promise<Figure[]>][] = [
  ['decode', runDecode],
  ['top', runTop],
];
// Opt-in: needs a build (dist/) and Chromium; loaded only when asked for.
if (args.includes('--browser')) {
  benches.push(['browser', async (a) => (await import('./browser')).runBrowser(a)]);
}
const figures: Figure[] = [];
let failed = 0;
for (const [name, run] of benches) {
  try {
    figures.push(...(await run(args)));
  } catch (e) {
    failed++;
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`bench ${name} failed: ${msg}`);
    figures.push({ bench: name, input: '-', metric: 'FAILED', value: msg.split('\n')[0] });
  }
}
console.log(`\n== figures (node ${process.version}, ${loadNote()})`);
printTable([['bench', 'input', 'metric', 'value'], ...figures.map((f) => [f.bench, f.input, f.metric, f.value])], 4);
process.exitCode = failed ? 1 : 0;
