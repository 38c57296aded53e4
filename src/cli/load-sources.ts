// Reads profile sources as pprof's driver does (internal/driver/fetch.go):
// a source is a file or an http(s) URL (`host:port/path` means http); each
// failure is reported as "<source>: <error>" and skipped; no source at all
// is an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProfileError } from '../core/profile/errors';
import type { Profile } from '../core/profile/model';
import { parseProfileFast } from './parse-fast';

export interface LoadedSource {
  name: string; // as given on the command line
  bytes: Uint8Array;
  profile: Profile;
}

export interface FetchContext {
  cwd: string;
  seconds?: number;
  timeout?: number;
  maxInflate: number;
  stderr(line: string): void;
}

/** pprof's adjustURL: the URL to fetch for source, or null for a file. */
export function sourceURL(source: string, seconds?: number): string | null {
  let text = source;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text)) {
    // host:port/path (url.Parse would take "host" for a scheme).
    if (!/^[^/:\s]+:\d+(\/|$)/.test(text)) return null;
    text = 'http://' + text;
  }
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return null;
  }
  if (u.host === '') return null;
  if (seconds !== undefined && seconds > 0) u.searchParams.set('seconds', String(seconds));
  return u.toString();
}

// Go's os error texts, so messages read like pprof's.
export function goErrno(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return e.message;
  }
}

function readFile(source: string, cwd: string): Uint8Array {
  try {
    return readFileSync(path.resolve(cwd, source));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const op = err.code === 'EISDIR' ? 'read' : 'open';
    throw new ProfileError(`${op} ${source}: ${goErrno(err)}`);
  }
}

async function fetchURL(url: string, ctx: FetchContext): Promise<Uint8Array> {
  // pprof: the timeout is -timeout, else 1.5 x the duration, else 60 s; plus 5 s.
  const seconds = ctx.seconds ?? Number(new URL(url).searchParams.get('seconds') ?? 0);
  const timeout = ctx.timeout ?? (seconds > 0 ? seconds * 1.5 : 60);
  ctx.stderr(`Fetching profile over HTTP from ${url}`);
  if (ctx.seconds) ctx.stderr(`Please wait... (${ctx.seconds}s)`);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout((timeout + 5) * 1000) });
  } catch (e) {
    const err = e as Error;
    const why = err.name === 'TimeoutError' ? `timed out after ${timeout + 5}s` : ((err.cause as Error | undefined)?.message ?? err.message);
    throw new ProfileError(`http fetch: ${why}`);
  }
  if (res.status !== 200) {
    let detail = '';
    if (res.headers.get('X-Go-Pprof') && (res.headers.get('Content-Type') ?? '').includes('text/plain')) {
      detail = ' - ' + (await res.text());
    }
    throw new ProfileError(`server response: ${res.status} ${res.statusText}${detail}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

function parseMessage(e: unknown): string {
  if (!(e instanceof ProfileError)) throw e;
  // An execution trace gets pprof's exact words (a golden pins them); any
  // other unreadable input gets the parser's explanation of what it looks like.
  if (e.message.startsWith('unrecognized profile format: the input is a Go execution trace')) {
    return 'parsing profile: unrecognized profile format';
  }
  return `parsing profile: ${e.message}`;
}

/** Loads one source; throws ProfileError with pprof's wording. */
export async function loadSource(source: string, ctx: FetchContext): Promise<LoadedSource> {
  const url = sourceURL(source, ctx.seconds);
  const bytes = url ? await fetchURL(url, ctx) : readFile(source, ctx.cwd);
  let profile: Profile;
  try {
    profile = parseProfileFast(bytes, { maxInflate: ctx.maxInflate });
  } catch (e) {
    throw new ProfileError(parseMessage(e));
  }
  return { name: source, bytes, profile };
}

/**
 * Loads all sources, printing "<source>: <error>" for each failure.
 * what: "source" or "base" (for pprof's "failed to fetch any ... profiles").
 */
export async function loadSources(sources: string[], what: 'source' | 'base', ctx: FetchContext): Promise<LoadedSource[]> {
  const settled = await Promise.allSettled(sources.map((s) => loadSource(s, ctx)));
  const out: LoadedSource[] = [];
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') out.push(r.value);
    else if (r.reason instanceof ProfileError) ctx.stderr(`${sources[i]}: ${r.reason.message}`);
    else throw r.reason;
  });
  if (out.length === 0 && sources.length > 0) throw new ProfileError(`failed to fetch any ${what} profiles`);
  if (out.length !== sources.length) ctx.stderr(`Fetched ${out.length} ${what} profiles out of ${sources.length}`);
  return out;
}
