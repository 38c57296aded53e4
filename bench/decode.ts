// Decode benchmark: gunzip (pako, our capped streaming gunzip, node's zlib),
// decodeProto on the inflated bytes, and parseProfile end to end, on the
// largest fixtures and a generated 1 M-sample profile. decodeProto is timed
// twice: its first run in a fresh process (cold: what the CLI pays, since it
// decodes once, before V8 has optimized anything) and the median after
// warm-up runs.
//
//   npx tsx bench/decode.ts [--runs=5] [--first-runs=3] [--samples=1000000] [--no-generated]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { inflate } from 'pako';
import { decodeProto } from '../src/core/profile/decode-proto';
import { gunzip } from '../src/core/profile/gunzip';
import { parseProfile } from '../src/core/profile/parse';
import { GO, PPROF_TESTDATA } from '../test/fixtures';
import { flag, generatedProfile, loadNote, mb, measureMemory, median, ms, numFlag, printTable, timeMedian, type Figure } from './util';

export interface Input {
  name: string;
  file: string;
}

export function decodeInputs(args: string[]): Input[] {
  const inputs: Input[] = [
    { name: 'go/large.pb.gz', file: path.join(GO, 'large.pb.gz') },
    { name: 'pprof-testdata/large.cpu', file: path.join(PPROF_TESTDATA, 'large.cpu') },
  ];
  if (flag(args, 'no-generated') !== 'true') {
    const samples = numFlag(args, 'samples', 1_000_000);
    inputs.push({ name: `generated ${samples / 1e6} M samples`, file: generatedProfile(samples) });
  }
  return inputs;
}

/** The first decodeProto of `file` in this process (run as a child of runDecode): prints wall and CPU ms as JSON. */
function firstDecodeChild(file: string): void {
  const bytes = new Uint8Array(readFileSync(file));
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = decodeProto(raw).samples.count;
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, n })}\n`);
}

/** Median over `runs` fresh processes of the first decodeProto of `file`. */
function timeFirstDecode(file: string, runs: number): { ms: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--first-child=${file}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) return { ms: NaN, cpuMs: NaN };
    const t = JSON.parse(line) as { ms: number; cpuMs: number };
    wall.push(t.ms);
    cpu.push(t.cpuMs);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}

export async function runDecode(args: string[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  const rows: string[][] = [
    ['input', 'gzipped', 'protobuf', 'pako', 'gunzip.ts', 'zlib', 'first decodeProto', 'MB/s', 'decodeProto', 'MB/s', 'parseProfile', 'retained', 'RSS +', 'samples', 'locations'],
  ];
  const note = loadNote();
  for (const input of decodeInputs(args)) {
    const file = new Uint8Array(readFileSync(input.file));
    const gzipped = file[0] === 0x1f && file[1] === 0x8b;
    const raw = gzipped ? new Uint8Array(gunzipSync(file)) : file;
    // Fewer runs on big inputs: one decode of 100 MB takes seconds.
    const runs = numFlag(args, 'runs', raw.length > 50e6 ? 3 : 7);
    // Small inputs: enough runs for the JIT to reach its optimizing tier (a
    // few runs leave the passes in baseline code); "first" shows a cold decode.
    const warmup = raw.length > 50e6 ? 1 : 100;
    const na = { ms: NaN, cpuMs: NaN };
    const first = timeFirstDecode(input.file, numFlag(args, 'first-runs', 3));
    const pako = gzipped ? timeMedian(() => inflate(file).length, runs, warmup) : na;
    const ours = gzipped ? timeMedian(() => gunzip(file).length, runs, warmup) : na;
    const zlib = gzipped ? timeMedian(() => gunzipSync(file).length, runs, warmup) : na;
    const dec = timeMedian(() => decodeProto(raw).samples.count, runs, warmup);
    const parse = timeMedian(() => parseProfile(file).samples.count, runs, warmup);
    const { mem, result: p } = measureMemory(() => decodeProto(raw));
    const rate = (t: number) => (raw.length / 1e6 / (t / 1000)).toFixed(0);
    // wall / cpu
    const both = (t: { ms: number; cpuMs: number }) => (Number.isNaN(t.ms) ? '-' : `${ms(t.ms)} / ${ms(t.cpuMs)}`);
    rows.push([
      input.name, gzipped ? mb(file.length) : '-', mb(raw.length), both(pako), both(ours), both(zlib),
      both(first), `${rate(first.ms)} / ${rate(first.cpuMs)}`, both(dec), `${rate(dec.ms)} / ${rate(dec.cpuMs)}`, both(parse), `${mem.retainedMB.toFixed(0)} MB`,
      `${mem.rssMB.toFixed(0)} MB`, String(p.samples.count), String(p.locations.count),
    ]);
    const fig = (metric: string, value: string) => figures.push({ bench: 'decode', input: input.name, metric, value });
    fig('protobuf size (gzipped)', `${mb(raw.length)} (${gzipped ? mb(file.length) : '-'})`);
    fig('gunzip pako / zlib (wall)', `${ms(pako.ms)} / ${ms(zlib.ms)}`);
    fig('first decodeProto (fresh process) wall / cpu', both(first));
    fig('first decodeProto MB/s wall / cpu', `${rate(first.ms)} / ${rate(first.cpuMs)}`);
    fig('decodeProto wall / cpu', both(dec));
    fig('decodeProto MB/s wall / cpu', `${rate(dec.ms)} / ${rate(dec.cpuMs)}`);
    fig('parseProfile wall / cpu', both(parse));
    fig('decoded profile retains', `${mem.retainedMB.toFixed(0)} MB (RSS +${mem.rssMB.toFixed(0)} MB)`);
  }
  console.log(
    `\n== decode: times are "wall / cpu", medians of N runs after warm-up; "first": the first decode in a fresh process, ` +
      `median of --first-runs processes; MB/s = protobuf MB / decodeProto s; ${note}`,
  );
  printTable(rows);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const child = flag(process.argv.slice(2), 'first-child');
  if (child !== undefined) firstDecodeChild(child);
  else {
    runDecode(process.argv.slice(2)).catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    });
  }
}
