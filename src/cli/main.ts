// The tsprof-web command: `tsprof-web [flags] source...`, with pprof's flags
// and pprof's output. main() is in-process and testable; runProcess() wires it
// to the real process. Nothing here prints a stack trace: a ProfileError or a
// flag error prints its message, anything else is reported as a bug.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../core/profile/combine';
import { encodeProto } from '../core/profile/encode-proto';
import { ProfileError } from '../core/profile/errors';
import type { Profile } from '../core/profile/model';
import { runTextReport } from '../core/report/index';
import { parseCliArgs, type CliArgs } from './cli-args';
import { FlagError } from './go-flags';
import { parseHostPort, startServer } from './http-server';
import { loadSources, type FetchContext, type LoadedSource } from './load-sources';
import { protoReport, rawReport } from './raw-report';
import { makeSourceLookup } from './source-lookup';
import { usageText } from './usage';

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
      const [sources, bases] = await Promise.all([
        loadSources(args.sources, 'source', ctx),
        loadSources(args.bases, 'base', ctx),
      ]);
      loaded = sources;
      profile = loadProfiles(
        sources.map((s) => s.profile),
        bases.map((b) => b.profile),
        { diffBase: args.diffBase, normalize: args.normalize },
      );
      if (bases.length > 0) loaded = [...sources, ...bases];
    }
    if (args.http !== undefined) return await serve(args, io, loaded, profile);
    if (!profile) throw new Error('no profile loaded');
    return report(args, io, profile);
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

function report(args: CliArgs, io: CliIO, p: Profile): number {
  const r = args.report;
  if (!r) {
    io.stderr('tsprof-web has no interactive shell: choose a report (-top, -tree, -raw ...) or -http=:PORT.\n');
    return 1;
  }
  if (r.kind === 'raw') {
    const out = rawReport(p, args.options);
    for (const w of out.warnings) io.stderr(w + '\n');
    io.stdout(out.stdout);
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

async function serve(args: CliArgs, io: CliIO, loaded: LoadedSource[], p: Profile | null): Promise<number> {
  const hp = parseHostPort(args.http ?? '');
  if (!hp) throw new ProfileError(`-http=${args.http}: want host:port, such as :6001 or localhost:6001`);
  // One plain source: its own bytes; merged or compared profiles: re-encoded.
  const bytes = loaded.length === 1 ? loaded[0].bytes : p ? encodeProto(p) : null;
  const s = await startServer({ host: hp.host, port: hp.port, distDir: io.distDir ?? defaultDistDir(), profile: bytes });
  io.stderr(`Serving web UI on ${s.url}\n`);
  return new Promise<number>((resolve) => {
    s.server.on('close', () => resolve(0));
    io.onServe?.(s.url, s.close);
  });
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
