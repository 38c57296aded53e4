// The tsprof-web command: `tsprof-web [flags] source...`, with pprof's flags
// and pprof's output. main() is in-process and testable; runProcess() wires it
// to the real process. Nothing here prints a stack trace: a ProfileError or a
// flag error prints its message, anything else is reported as a bug.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../core/profile/combine';
import { encodeProto } from '../core/profile/encode-proto';
import { ProfileError } from '../core/profile/errors';
import { str, type Profile } from '../core/profile/model';
import { runTextReport } from '../core/report/index';
import { parseCliArgs, type CliArgs, type ReportKind } from './cli-args';
import { FlagError } from './go-flags';
import { parseHostPort, startServer, type ServedProfile } from './http-server';
import { goErrno, loadSources, sourceURL, type FetchContext, type LoadedSource } from './load-sources';
import { withFetchProgress } from './fetch-progress';
import { openBrowser } from './open-browser';
import { defaultShareDir, ShareStore } from './share-store';
import { makeSourceFiles } from './source-files';
import { optionsToParams } from './ui-params';
import { VERSION } from './version';
import { protoReport, rawReport } from './raw-report';
import { makeSourceLookup } from './source-lookup';
import { usageText } from './usage';
import { localSymbolizationNotes, openBinaryError } from './symbolize-notes';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Binary output (-proto); without it, -proto is refused. */
  stdoutBytes?(b: Uint8Array): void;
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Where the built web app is (default: found beside this module). */
  distDir?: string;
  /** Called once the -http server listens (tests use it to stop the server). */
  onServe?(url: string, close: () => Promise<void>): void;
  /** Opens the web UI unless -no_browser (default: the system's browser). */
  openBrowser?(url: string): void;
}

/** Runs the command; returns the exit code. argv excludes the program name. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const err = (line: string): void => io.stderr(line.endsWith('\n') ? line : line + '\n');
  try {
    let args: CliArgs;
    try {
      args = parseCliArgs(argv);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      err(e.message);
      if (e.showUsage) io.stderr(usageText());
      return 1;
    }
    if (args.help) {
      io.stderr(usageText());
      return 0;
    }
    for (const w of args.warnings) err(w);
    if (args.sources.length === 0 && args.http === undefined) {
      io.stderr(usageText());
      err('no profile source specified');
      return 1;
    }
    const ctx: FetchContext = {
      cwd: io.cwd,
      seconds: args.seconds,
      timeout: args.timeout,
      maxInflate: args.maxInflate,
      stderr: err,
    };
    let loaded: LoadedSource[] = [];
    let profile: Profile | null = null;
    if (args.sources.length > 0) {
      const [sources, bases] = await withFetchProgress([...args.sources, ...args.bases], err, () =>
        Promise.all([loadSources(args.sources, 'source', ctx), loadSources(args.bases, 'base', ctx)]),
        { seconds: args.seconds },
      );
      loaded = sources;
      profile = loadProfiles(
        sources.map((s) => s.profile),
        bases.map((b) => b.profile),
        { diffBase: args.diffBase, normalize: args.normalize, sumsOnly: args.http === undefined && sumsOnly(args.report?.kind) },
      );
      if (bases.length > 0) loaded = [...sources, ...bases];
      for (const line of localSymbolizationNotes(profile, args.symbolize, (f) => openBinaryError(f, io.cwd))) err(line);
    }
    if (args.http !== undefined) return await serve(args, io, loaded, profile);
    if (!profile) throw new Error('no profile loaded');
    if (args.output === undefined) return report(args, io, profile);
    // -output: the report goes to the file, as pprof writes it, once it is made.
    const chunks: (string | Uint8Array)[] = [];
    const code = report(args, { ...io, stdout: (t) => chunks.push(t), stdoutBytes: (b) => chunks.push(b) }, profile);
    if (code !== 0) return code;
    err(`Generating report in ${args.output}`);
    try {
      writeFileSync(path.resolve(io.cwd, args.output), Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))));
    } catch (e) {
      throw new ProfileError(`open ${args.output}: ${goErrno(e as NodeJS.ErrnoException)}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ProfileError) {
      err(e.message);
      return 1;
    }
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    err(`tsprof-web: internal error (this is a bug, please report it): ${what.split('\n')[0]}`);
    return 2;
  }
}

/** Reports that only sum sample values per frame (not -raw, -traces, -tags, -proto). */
function sumsOnly(kind: ReportKind | undefined): boolean {
  return kind === 'top' || kind === 'text' || kind === 'tree' || kind === 'peek' || kind === 'list' || kind === 'dot';
}

function report(args: CliArgs, io: CliIO, p: Profile): number {
  const r = args.report;
  if (!r) {
    io.stderr('tsprof-web has no interactive shell: choose a report (-top, -tree, -raw ...) or -http=:PORT.\n');
    return 1;
  }
  if (args.options.divideBy === 0) throw new ProfileError('zero divisor specified');
  if (r.kind === 'raw') {
    const out = rawReport(p, args.options);
    for (const w of out.warnings) io.stderr(w + '\n');
    io.stdout(out.stdout);
    return 0;
  }
  if (r.kind === 'comments') {
    io.stdout(p.comments.map((c) => str(p, c) + '\n').join(''));
    return 0;
  }
  if (r.kind === 'proto') {
    if (!io.stdoutBytes) throw new ProfileError('-proto writes binary data: this output cannot take it.');
    const out = protoReport(p, args.options);
    for (const w of out.warnings) io.stderr(w + '\n');
    io.stdoutBytes(out.bytes);
    return 0;
  }
  const searchPath = args.options.sourcePath ?? io.cwd;
  const res = runTextReport(r.kind, p, args.options, {
    peek: r.kind === 'peek' ? r.regexp : undefined,
    list: r.kind === 'list' ? r.regexp : undefined,
    sourceSearchPath: searchPath,
    openSource: makeSourceLookup(searchPath, args.options.trimPath ?? '', io.cwd),
  });
  if (res.stderr) io.stderr(res.stderr);
  io.stdout(res.stdout);
  return res.exitCode;
}

/** dist/ of the built app: beside dist/cli/main.js, or ../../dist from src/cli. */
function defaultDistDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const up = path.resolve(here, '..');
  if (existsSync(path.join(up, 'index.html')) && path.basename(here) === 'cli' && path.basename(up) === 'dist') return up;
  return path.resolve(here, '../../dist');
}

/** The name the app shows: a file's base name, a URL's last path segment. */
export function displayName(source: string): string {
  const url = sourceURL(source);
  if (url) {
    const seg = new URL(url).pathname.split('/').filter((x) => x !== '');
    return seg.length > 0 ? seg[seg.length - 1] : new URL(url).host;
  }
  return path.basename(source);
}

async function serve(args: CliArgs, io: CliIO, loaded: LoadedSource[], p: Profile | null): Promise<number> {
  const hp = parseHostPort(args.http ?? '');
  if (!hp) throw new ProfileError(`-http=${args.http}: want host:port, such as :6001 or localhost:6001`);
  let served: ServedProfile | null = null;
  if (p) {
    const prof = p;
    let download: Uint8Array | null = null;
    // One plain source: its own bytes; merged or compared profiles: re-encoded.
    const single = loaded.length === 1;
    const bytes = single ? loaded[0].bytes : gzipSync(encodeProto(prof));
    const names = args.sources.map(displayName);
    let fileName = names[0] ?? 'profile';
    if (names.length > 1) fileName += ` (+${names.length - 1} merged)`;
    if (args.bases.length > 0) fileName += ` ${args.diffBase ? 'diff_base' : 'base'} ${displayName(args.bases[0])}`;
    served = {
      bytes,
      fileName,
      // As pprof's /download: the profile written anew (p.Write), gzipped.
      download: () => (download ??= gzipSync(encodeProto(prof))),
    };
  }
  const searchPath = args.options.sourcePath ?? io.cwd;
  const env = io.env ?? {};
  const s = await startServer({
    host: hp.host,
    port: hp.port,
    distDir: io.distDir ?? defaultDistDir(),
    profile: served,
    initialParams: optionsToParams(uiOptions(args)),
    sources: makeSourceFiles(p, searchPath, args.options.trimPath ?? '', io.cwd),
    share: {
      store: new ShareStore({ dir: path.resolve(io.cwd, args.shareDir ?? defaultShareDir(env)) }),
      limit: args.shareLimit,
      maxInflate: args.maxInflate,
    },
    version: VERSION,
  }).catch((e: unknown) => {
    throw listenError(args.http ?? '', e);
  });
  io.stderr(`Serving web UI on ${s.url}\n`);
  if (!args.noBrowser) {
    const open = io.openBrowser ?? ((u: string) => openBrowser(u, env));
    open(s.url + '/');
  }
  io.onServe?.(s.url, s.close);
  await s.closed;
  return 0;
}

/** A failed listen, said for people. */
function listenError(http: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EADDRINUSE: 'the port is in use: choose another one, or leave it empty (-http=:) for any free port',
    EACCES: 'permission denied: ports below 1024 need privileges; choose a port such as 6001',
    EADDRNOTAVAIL: 'this machine has no such address: use localhost, or leave the host empty',
    ENOTFOUND: 'the host name does not resolve: use localhost, or leave the host empty',
  };
  return code && why[code] ? new ProfileError(`-http=${http}: cannot listen: ${why[code]}`) : e;
}

/** The options the UI starts with: all but those the CLI already applied to the served profile. */
function uiOptions(args: CliArgs): CliArgs['options'] {
  const o = { ...args.options };
  delete o.normalize; // loadProfiles applied it
  return o;
}

/** The process entry: real argv, stdout, stderr and exit code. */
export async function runProcess(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: (b) => process.stdout.write(b),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  });
  process.exitCode = code;
}
