// Shared bench helpers: timing (median after warm-up), memory readings,
// flags, tables, and the generated profiles cached in the OS temp folder.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { generateProfile, type GenerateOptions } from './gen-profile';

/** One measured figure, for run.ts's summary table. */
export interface Figure {
  bench: string;
  input: string;
  metric: string;
  value: string;
}

// A real gc() without asking for --expose-gc on the command line, so memory
// readings are not polluted by garbage of the previous run.
v8.setFlagsFromString('--expose-gc');
const gcFn = vm.runInNewContext('gc') as () => void;
export function gc(): void {
  gcFn();
  gcFn();
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs fn `runs` times after `warmup` untimed runs. ms = median wall time;
 * cpuMs = median CPU time of the process (user+sys, all threads: includes GC
 * helpers), which stays meaningful when other processes compete for the CPU.
 */
export function timeMedian<T>(fn: () => T, runs: number, warmup = 1): { ms: number; cpuMs: number; result: T } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) {
    result = fn();
    result = undefined as T; // let the previous result go before the next run
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    result = undefined as T;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), result };
}

/** The 1-minute load average and the CPU count, to judge whether timings are trustworthy. */
export function loadNote(): string {
  const load = os.loadavg()[0];
  const cpus = os.cpus().length;
  return `load average ${load.toFixed(1)} on ${cpus} CPUs${load > cpus ? ' (busy machine: wall times are inflated, compare CPU times)' : ''}`;
}

export interface MemoryDelta {
  retainedMB: number; // JS heap + array buffers still held by the result
  rssMB: number; // resident set growth across the call (peak-ish: no GC in between)
}

/** Runs fn once and measures the memory its result retains and the RSS growth. */
export function measureMemory<T>(fn: () => T): { mem: MemoryDelta; result: T } {
  gc();
  const before = process.memoryUsage();
  const result = fn();
  const rssAfter = process.memoryUsage().rss;
  gc();
  const after = process.memoryUsage();
  const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  return {
    mem: { retainedMB: (held(after) - held(before)) / 1e6, rssMB: (rssAfter - before.rss) / 1e6 },
    result,
  };
}

/** --name=value, or 'true' for a bare --name; undefined when absent. */
export function flag(args: string[], name: string): string | undefined {
  for (const a of args) {
    if (a === `--${name}`) return 'true';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

export function numFlag(args: string[], name: string, def: number): number {
  const v = flag(args, name);
  if (v === undefined) return def;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: expected a number, got ${v}`);
  return n;
}

export const mb = (bytes: number): string => (bytes / 1e6).toFixed(1) + ' MB';
export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1)) + ' ms';

/** Prints rows as an aligned text table (first row = header); the first `left` columns align left, the rest right. */
export function printTable(rows: string[][], left = 1): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c < left ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

// Bump when the generator's output changes, so cached files are regenerated.
const GENERATOR_VERSION = 1;

/** The standard generated CPU profile used by the benches: what `npx tsx bench/gen-profile.ts --labels` makes. */
export function benchProfileOptions(samples: number): GenerateOptions {
  return { samples, functions: 3000, minDepth: 8, maxDepth: 64, sampleTypes: 'cpu', labels: true, seed: 1 };
}

/** Path of a gzipped generated profile in the OS temp folder, generating it when missing. */
export function generatedProfile(samples: number): string {
  const o = benchProfileOptions(samples);
  const name = `tsprof-bench-cpu-${samples}-f${o.functions}-d${o.minDepth}-${o.maxDepth}-s${o.seed}-v${GENERATOR_VERSION}.pb.gz`;
  const file = path.join(os.tmpdir(), name);
  if (!existsSync(file)) {
    const t0 = performance.now();
    const raw = generateProfile(o);
    const gz = gzipSync(raw, { level: 1 });
    writeFileSync(file + '.part', gz);
    renameSync(file + '.part', file); // never leave a half-written profile under the final name
    console.log(`generated ${file}: ${mb(raw.length)} protobuf, ${mb(gz.length)} gzipped, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

/** Imports a module of the repo by its path relative to bench/, or null when it does not exist (yet). */
export async function tryImport<T>(rel: string): Promise<T | null> {
  const url = new URL(rel, import.meta.url);
  if (!existsSync(url)) return null;
  return (await import(url.href)) as T;
}
