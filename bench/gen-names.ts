// Go-looking function names, files and line ranges for the generator: packages
// of the standard library and of an application module, methods on pointer and
// value receivers, closures (`.func1`) and generic functions (`[...]`), as a
// real Go CPU profile shows them. Functions of one package are contiguous.
import { randInt, type Rand } from './prng';

export interface GenFunction {
  name: string;
  file: string;
  startLine: number;
  length: number; // lines of the body
  pkg: number;
}

const STD = [
  'runtime', 'sync', 'fmt', 'strconv', 'strings', 'bytes', 'sort', 'encoding/json', 'hash/crc32',
  'compress/flate', 'bufio', 'io', 'net/http', 'time', 'reflect', 'regexp', 'unicode/utf8', 'syscall',
  'os', 'math/big', 'internal/poll', 'net', 'context', 'errors',
];
const NOUNS = [
  'record', 'store', 'index', 'buffer', 'block', 'span', 'entry', 'table', 'page', 'node', 'tree', 'queue',
  'cache', 'frame', 'token', 'chunk', 'batch', 'stream', 'header', 'field', 'digest', 'segment', 'slot', 'key',
];
const VERBS = [
  'encode', 'decode', 'put', 'get', 'scan', 'flush', 'merge', 'split', 'hash', 'sort', 'write', 'read',
  'insert', 'lookup', 'grow', 'compact', 'visit', 'parse', 'emit', 'check', 'fill', 'apply', 'reset', 'walk',
];
export const MODULE = 'example.com/genprof';

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function pick<T>(rand: Rand, a: readonly T[]): T {
  return a[randInt(rand, a.length)];
}

/** The import paths of the packages: the standard library first, then main, then the module's packages. */
function packages(n: number): string[] {
  const perPkg = 40;
  const total = Math.max(2, Math.ceil(n / perPkg));
  const nStd = Math.max(1, Math.round(total * 0.3));
  const out = STD.slice(0, Math.min(nStd, STD.length));
  out.push('main');
  for (let i = 0; out.length < total; i++) out.push(`${MODULE}/internal/${NOUNS[i % NOUNS.length]}${Math.floor(i / NOUNS.length) || ''}`);
  return out;
}

/** n functions with unique names; functions of package `main` come first among the application's. */
export function makeFunctions(n: number, rand: Rand): { functions: GenFunction[]; mainStart: number; mainEnd: number } {
  const pkgs = packages(n);
  const seen = new Set<string>();
  const functions: GenFunction[] = [];
  let mainStart = 0;
  let mainEnd = 0;
  for (let p = 0; p < pkgs.length && functions.length < n; p++) {
    const path = pkgs[p];
    const quota = Math.ceil((n - functions.length) / (pkgs.length - p));
    const files = Array.from({ length: 1 + randInt(rand, 4) }, () => ({ name: `${path === 'main' ? MODULE : path}/${pick(rand, NOUNS)}.go`, line: 10 }));
    if (path === 'main') mainStart = functions.length;
    for (let k = 0; k < quota; k++) {
      let name = functionName(rand, path);
      for (let tries = 0; seen.has(name); tries++) name = tries < 20 ? functionName(rand, path) : `${path}.fn${functions.length}`;
      seen.add(name);
      const file = pick(rand, files);
      const length = 5 + randInt(rand, 60);
      functions.push({ name, file: file.name, startLine: file.line, length, pkg: p });
      file.line += length + 2 + randInt(rand, 10);
    }
    if (path === 'main') mainEnd = functions.length;
  }
  return { functions, mainStart, mainEnd };
}

function functionName(rand: Rand, path: string): string {
  const verb = pick(rand, VERBS);
  const noun = pick(rand, NOUNS);
  const r = rand();
  let base: string;
  if (r < 0.25) base = `${path}.(*${cap(noun)}).${cap(verb)}`;
  else if (r < 0.35) base = `${path}.${cap(noun)}.${verb}${cap(pick(rand, NOUNS))}`;
  else if (r < 0.4) base = `${path}.${cap(verb)}[...]`;
  else if (r < 0.7) base = `${path}.${verb}${cap(noun)}`;
  else base = `${path}.${cap(verb)}${cap(noun)}`;
  const c = rand();
  if (c < 0.1) return `${base}.func${1 + randInt(rand, 3)}`;
  if (c < 0.13) return `${base}.func${1 + randInt(rand, 2)}.${1 + randInt(rand, 2)}`;
  return base;
}
