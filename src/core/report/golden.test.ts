// The report engine against `go tool pprof`'s own outputs: every golden of the
// graph reports (top, text, tree, dot, peek, list and their granularities) in
// ../shared/fixtures/go/manifest.json, rendered and compared byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, readManifest, type ManifestEntry } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { loadProfiles } from '../profile/combine';
import type { Options } from '../query/options';
import { runTextReport, sourceCandidates, type TextReportKind } from './index';

type Entry = ManifestEntry;

const manifest = { entries: readManifest() };

// The goldens this engine owns (the filters and -traces/-tags/-raw are tested elsewhere).
const OWN = /\/(diff_base\.|base\.|merge\.)?(top|top-cum|text-nodecount20|tree|dot|nodefraction-0\.1\.top|lines\.top|files\.top|addresses\.top|noinlines\.top|peek-[^/]*|list-[^/]*)\.txt$/;

interface Parsed {
  kind: TextReportKind;
  o: Options;
  peek?: string;
  list?: string;
  sources: string[];
  bases: string[];
  diffBase: boolean;
}

function parseArgv(argv: string[]): Parsed | null {
  const r: Parsed = { kind: 'top', o: {}, sources: [], bases: [], diffBase: false };
  for (const a of argv.slice(3)) {
    if (!a.startsWith('-')) {
      r.sources.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(1) : a.slice(1, eq);
    const v = eq < 0 ? '' : a.slice(eq + 1);
    switch (name) {
      case 'top':
      case 'text':
      case 'tree':
      case 'dot':
        r.kind = name;
        break;
      case 'peek':
        r.kind = 'peek';
        r.peek = v;
        break;
      case 'list':
        r.kind = 'list';
        r.list = v;
        break;
      case 'cum':
        r.o.sort = 'cum';
        break;
      case 'nodecount':
        r.o.nodeCount = Number(v);
        break;
      case 'nodefraction':
        r.o.nodeFraction = Number(v);
        break;
      case 'lines':
      case 'files':
      case 'addresses':
        r.o.granularity = name;
        break;
      case 'noinlines':
        r.o.noInlines = true;
        break;
      case 'source_path':
        r.o.sourcePath = v;
        break;
      case 'diff_base':
        r.diffBase = true;
        r.bases.push(v);
        break;
      case 'base':
        r.bases.push(v);
        break;
      default:
        return null;
    }
  }
  return r;
}

const cache = new Map<string, ReturnType<typeof parseProfile>>();
function load(f: string) {
  let p = cache.get(f);
  if (!p) {
    p = parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))));
    cache.set(f, p);
  }
  return p;
}

function render(e: Entry, a: Parsed) {
  const p = loadProfiles(a.sources.map(load), a.bases.map(load), { diffBase: a.diffBase });
  const searchPath = a.o.sourcePath ?? GO;
  return runTextReport(a.kind, p, a.o, {
    peek: a.peek,
    list: a.list,
    sourceSearchPath: searchPath,
    openSource: (file) => {
      for (const c of sourceCandidates(file, searchPath, a.o.trimPath ?? '')) {
        const full = path.resolve(GO, c);
        if (fs.existsSync(full) && fs.statSync(full).isFile()) return { path: c, text: fs.readFileSync(full, 'utf8') };
      }
      return null;
    },
  });
}

const sorted = (s: string) => s.split('\n').sort().join('\n');

const entries = manifest.entries
  .filter((e) => OWN.test('/' + e.golden))
  .map((e) => ({ e, a: parseArgv(e.argv) }))
  // inputs that are not profiles (trace.out) are the CLI's error cases
  .filter(({ a }) => a === null || [...a.sources, ...a.bases].every((s) => s.endsWith('.pb.gz')));

describe('graph report goldens (go tool pprof 1.19)', () => {
  it('covers the goldens of every fixture', () => {
    expect(entries.length).toBeGreaterThan(150);
    expect(entries.filter((x) => x.a === null).map((x) => x.e.golden)).toEqual([]);
  });
  for (const { e, a } of entries) {
    if (!a) continue;
    it(e.golden, () => {
      const r = render(e, a);
      const want = fs.readFileSync(path.join(GO, e.golden), 'utf8');
      const wantErr = e.stderr ? fs.readFileSync(path.join(GO, e.stderr), 'utf8') : '';
      if (e.unstable_line_order) expect(sorted(r.stdout)).toBe(sorted(want));
      else expect(r.stdout).toBe(want);
      expect(r.stderr).toBe(wantErr);
      expect(r.exitCode).toBe(e.exit_code);
    }, 60_000);
  }
});
