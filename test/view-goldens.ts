// The goldens of ../shared/fixtures/go/manifest.json that the web views
// reproduce (-top/-text, -peek, -list), with their argv turned into Options and
// the profile loaded as the CLI loads it. For the views' unit tests.
import fs from 'node:fs';
import path from 'node:path';
import { GO, readManifest, type ManifestEntry } from './fixtures';
import { parseProfile } from '../src/core/profile/parse';
import { loadProfiles } from '../src/core/profile/combine';
import type { Profile } from '../src/core/profile/model';
import type { Options } from '../src/core/query/options';

export type GoldenEntry = ManifestEntry;

export interface GoldenCase {
  golden: string;
  kind: 'top' | 'text' | 'peek' | 'list';
  options: Options;
  symbol?: string;
  sources: string[];
  bases: string[];
  diffBase: boolean;
  exitCode: number;
  want: string;
  wantStderr: string;
}

const manifest = { entries: readManifest() };

const STRING_OPTS: Record<string, keyof Options> = {
  sample_index: 'sampleIndex',
  focus: 'focus',
  ignore: 'ignore',
  hide: 'hide',
  show: 'show',
  tagfocus: 'tagFocus',
  source_path: 'sourcePath',
};

function parse(e: GoldenEntry): GoldenCase | null {
  const c: GoldenCase = {
    golden: e.golden,
    kind: 'top',
    options: {},
    sources: [],
    bases: [],
    diffBase: false,
    exitCode: e.exit_code,
    want: '',
    wantStderr: '',
  };
  let kind: GoldenCase['kind'] | null = null;
  const o = c.options as Record<string, unknown>;
  for (const a of e.argv.slice(3)) {
    if (!a.startsWith('-')) {
      if (!a.endsWith('.pb.gz')) return null;
      c.sources.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(1) : a.slice(1, eq);
    const v = eq < 0 ? '' : a.slice(eq + 1);
    if (name === 'top' || name === 'text') kind = name;
    else if (name === 'peek' || name === 'list') {
      kind = name;
      c.symbol = v;
    } else if (name === 'cum') c.options.sort = 'cum';
    else if (name === 'nodecount') c.options.nodeCount = Number(v);
    else if (name === 'nodefraction') c.options.nodeFraction = Number(v);
    else if (name === 'lines' || name === 'files' || name === 'addresses') c.options.granularity = name;
    else if (name === 'noinlines') c.options.noInlines = true;
    else if (name === 'diff_base' || name === 'base') {
      c.diffBase = name === 'diff_base';
      c.bases.push(v);
    } else if (name in STRING_OPTS) o[STRING_OPTS[name]] = v;
    else return null;
  }
  if (kind === null) return null;
  c.kind = kind;
  c.want = fs.readFileSync(path.join(GO, e.golden), 'utf8');
  c.wantStderr = e.stderr ? fs.readFileSync(path.join(GO, e.stderr), 'utf8') : '';
  return c;
}

/** The goldens of the given report kinds that these options can express. */
export function goldenCases(kinds: GoldenCase['kind'][]): GoldenCase[] {
  const out: GoldenCase[] = [];
  for (const e of manifest.entries) {
    const c = parse(e);
    // a missing input is the CLI's error case, not a view's
    if (c && kinds.includes(c.kind) && [...c.sources, ...c.bases].every((f) => fs.existsSync(path.join(GO, f)))) out.push(c);
  }
  return out;
}

const cache = new Map<string, Profile>();
function load(f: string): Profile {
  let p = cache.get(f);
  if (!p) {
    p = parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))));
    cache.set(f, p);
  }
  return p;
}

/** The profile pprof reported on for a golden (sources merged, -base/-diff_base applied). */
export function goldenProfile(c: Pick<GoldenCase, 'sources' | 'bases' | 'diffBase'>): Profile {
  return loadProfiles(c.sources.map(load), c.bases.map(load), { diffBase: c.diffBase });
}

/** The workload's source files, keyed by their path below the fixtures folder (as a dropped folder gives them). */
export function workloadSources(): Record<string, string> {
  const root = path.join(GO, 'source');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else out[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}
