// -top benchmark: our pipeline (parseProfileFast -> loadProfiles -> runTextReport
// 'top') timed in process, our CLI as a whole process, and `go tool pprof -top`
// on the same file (wall time, peak RSS, whether the outputs are identical).
//
//   npx tsx bench/top.ts [--runs=N] [--samples=1000000] [--no-generated] [--with-go]
//     [--cli=auto|built|tsx]  (how our CLI runs as a process; see ourCli)
//
// `go tool pprof` runs on go/large.pb.gz whenever `go` is on PATH; on the
// generated profile only with --with-go (it takes minutes and ~3 GB there).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile } from '../src/core/profile/model';
import { parseProfileFast } from '../src/cli/parse-fast';
import type { Options } from '../src/core/query/options';
import { GO } from '../test/fixtures';
import { runMeasured, type Measured } from './run-measured';
import { flag, generatedProfile, loadNote, ms, numFlag, printTable, timeMedian, tryImport, type Figure } from './util';

interface ReportModule {
  runTextReport(kind: 'top', p: Profile, o: Options, extra: object): { stdout: string; stderr: string; exitCode: number };
}
interface CombineModule {
  loadProfiles(sources: Profile[], bases?: Profile[], o?: object): Profile;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(f) : statSync(f).mtimeMs);
  }
  return t;
}

/**
 * How to run our CLI as a process: the built bin (what `npx tsprof-web` runs)
 * when dist/cli/main.js is newer than every file of src/, else main.ts under
 * tsx (whose start-up transpiles the sources: a few seconds more).
 */
function ourCli(args: string[], file: string): { cmd: string; argv: string[]; how: string } {
  const built = path.join(repo, 'dist/cli/main.js');
  const want = flag(args, 'cli') ?? 'auto';
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.join(repo, 'src'));
  if (want === 'built' || (want === 'auto' && fresh)) {
    return { cmd: process.execPath, argv: [path.join(repo, 'bin/tsprof-web.js'), '-top', file], how: `bin/tsprof-web.js (dist/cli${fresh ? '' : ', older than src/: rebuild with npm run build'})` };
  }
  const why = existsSync(built) ? 'dist/cli is older than src/' : 'dist/cli is not built';
  return { cmd: process.execPath, argv: [...process.execArgv, path.join(here, 'top-child.ts'), file], how: `src/cli/main.ts under tsx (${why})` };
}

function goOnPath(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/** First differing line of two outputs, for the report. */
function firstDiff(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: ours ${JSON.stringify(x[i] ?? '<end>')} vs go ${JSON.stringify(y[i] ?? '<end>')}`;
  }
  return '';
}

const rss = (m: Measured) => (m.peakRssMB === null ? '?' : `${m.peakRssMB.toFixed(0)} MB`);
const secs = (x: number) => `${(x / 1000).toFixed(2)} s`;

export async function runTop(args: string[]): Promise<Figure[]> {
  const report = await tryImport<ReportModule>('../src/core/report/index.ts');
  if (!report) {
    console.log('\n== top: src/core/report/index.ts does not exist yet: skipped');
    return [{ bench: 'top', input: '-', metric: 'skipped', value: 'no src/core/report/index.ts' }];
  }
  const combine = await tryImport<CombineModule>('../src/core/profile/combine.ts');
  const load = (bytes: Uint8Array) => {
    const p = parseProfileFast(bytes); // node's zlib, as the CLI reads files
    return combine ? combine.loadProfiles([p], [], { sumsOnly: true }) : p; // as the CLI does for -top
  };
  const withGo = flag(args, 'with-go') === 'true';
  const haveGo = goOnPath();
  const inputs = [{ name: 'go/large.pb.gz', file: path.join(GO, 'large.pb.gz'), go: haveGo }];
  if (flag(args, 'no-generated') !== 'true') {
    const samples = numFlag(args, 'samples', 1_000_000);
    inputs.push({ name: `generated ${samples / 1e6} M samples`, file: generatedProfile(samples), go: haveGo && withGo });
  }

  const note = loadNote();
  const figures: Figure[] = [];
  const rows: string[][] = [['input', 'parse+load', 'top report', 'ours (process)', 'ours RSS', 'go pprof', 'go RSS', 'go/ours', 'identical']];
  const notes: string[] = [];
  for (const input of inputs) {
    const bytes = new Uint8Array(readFileSync(input.file));
    const big = bytes.length > 10e6;
    const runs = numFlag(args, 'runs', big ? 3 : 7);
    const warmup = big ? 1 : 3; // small inputs: let the JIT settle first
    const parsed = timeMedian(() => load(bytes), runs, warmup);
    const p = parsed.result;
    const top = timeMedian(() => report.runTextReport('top', p, {}, {}), runs, warmup);
    const inProc = top.result.stdout;

    // Our CLI as one process: what `npx tsprof-web -top FILE` costs, start-up included.
    const cli = ourCli(args, input.file);
    const child = await runMeasured(cli.cmd, cli.argv);
    if (!notes.includes(`our CLI process: ${cli.how}`)) notes.push(`our CLI process: ${cli.how}`);
    if (child.code !== 0) notes.push(`${input.name}: our CLI exited ${child.code}: ${child.stderr.trim().split('\n')[0]}`);
    else if (child.stdout !== inProc) notes.push(`${input.name}: our CLI's -top differs from runTextReport's at ${firstDiff(child.stdout, inProc)}`);
    const both = (t: { ms: number; cpuMs: number }) => `${ms(t.ms)} / ${ms(t.cpuMs)}`;
    const fig = (metric: string, value: string) => figures.push({ bench: 'top', input: input.name, metric, value });
    fig('parse+load wall / cpu', both(parsed));
    fig('runTextReport top wall / cpu', both(top));
    fig('our CLI -top process', `${secs(child.wallMs)}, peak RSS ${rss(child)}`);

    let goCells = ['-', '-', '-', '-'];
    if (input.go) {
      const go = await runMeasured('go', ['tool', 'pprof', '-top', input.file], { env: { ...process.env, TZ: 'UTC' } });
      if (go.code !== 0) notes.push(`${input.name}: go tool pprof exited ${go.code}: ${go.stderr.trim().split('\n')[0]}`);
      const same = go.stdout === inProc;
      const ratio = go.wallMs / child.wallMs;
      const memRatio = go.peakRssMB !== null && child.peakRssMB !== null ? ` (RSS ${(go.peakRssMB / child.peakRssMB).toFixed(1)}x)` : '';
      goCells = [secs(go.wallMs), rss(go), `${ratio.toFixed(1)}x${memRatio}`, same ? 'yes' : 'NO'];
      if (!same) notes.push(`${input.name}: -top differs from go tool pprof at ${firstDiff(inProc, go.stdout)}`);
      fig('go tool pprof -top process', `${secs(go.wallMs)}, peak RSS ${rss(go)}`);
      fig('go / ours (wall)', `${ratio.toFixed(1)}x${memRatio}`);
      fig('identical to go', same ? 'yes' : 'no');
    } else {
      notes.push(`${input.name}: go tool pprof not run (${haveGo ? 'pass --with-go' : 'go is not on PATH'})`);
    }
    rows.push([input.name, both(parsed), both(top), secs(child.wallMs), rss(child), ...goCells]);
  }
  console.log(`\n== top: in-process times "wall / cpu" (medians after warm-up); processes: wall time and peak RSS; ${note}`);
  printTable(rows);
  for (const n of notes) console.log('  ' + n);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTop(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
