// The `-http=host:port` server: the built web app from dist/ at pprof's paths,
// the loaded profile, its source files and the share store.
//
// Paths (every asset and api path works both at /x and at /ui/x, because the
// app asks with relative URLs from /ui/top etc.):
//   GET /                    307 to /ui/flamegraph?<CLI options as pprof's URL
//                            parameters, e.g. si=alloc_space&f=X>&v=1
//   GET /ui/, /ui/top, /ui/graph, /ui/flamegraph, /ui/peek, /ui/source
//                            the app (index.html); a bare path (no query) is
//                            first redirected to itself with the CLI options
//   GET /ui/download         the profile as gzipped protobuf (pprof's download)
//   GET api/profile          the profile's bytes as loaded, with
//                            Content-Disposition: inline; filename="<name>";
//                            204 (empty) when the CLI was started without a
//                            source (a 404 would log a console error)
//   GET api/config           JSON { fileName: string|null, sourcePath: boolean
//                            (source files can be read), share: boolean,
//                            version: string, params: string (the CLI options
//                            as URL parameters, "" when none) }
//   GET api/source?file=F    text/plain: the source file F, found with pprof's
//                            -source_path/-trim_path rules, only when the
//                            profile names F (404 otherwise; an absolute or
//                            ".." name that the profile does not name: 400)
//   POST api/share           body: a profile's bytes (gzipped protobuf), at
//                            most -share_limit (413 beyond); 400 with the
//                            parse error when it is not a profile; answers
//                            JSON { id: "<sha256 hex of the body>" }; 403
//                            when its Origin is not the page's own. Stored in
//                            -share_dir (default: the user cache directory's
//                            tsprof-web/shared), oldest evicted beyond 1 GiB.
//   GET api/share/<id>       the bytes stored under id (64 lowercase hex
//                            digits), 404 when absent
// Bound to a loopback address (the default), requests whose Host or Origin is
// not local get 403: a foreign page cannot read or post anything, and
// DNS rebinding gets nowhere. No path from a request opens a file outside
// dist/ (assets) or the share store (checked ids); sources go through the
// profile's own file names.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ProfileError } from '../core/profile/errors';
import { isGzip } from '../core/profile/gunzip';
import { parseProfile } from '../core/profile/parse';
import type { ShareStore } from './share-store';
import type { SourceFiles } from './source-files';
import { isLocalHost, isLocalOrigin, isLoopbackAddress, LOOPBACK, parseHostPort, sameOrigin } from './local-only';
import { readBody, TooLarge } from './request-body';
import { mergeParams } from './ui-params';

export { isLocalHost, isLocalOrigin, parseHostPort, sameOrigin };

export interface ServedProfile {
  bytes: Uint8Array; // as loaded (api/profile)
  fileName: string;
  /** The profile as gzipped protobuf (/ui/download), made on demand. */
  download(): Uint8Array;
}

export interface ServerOptions {
  host: string; // '' = localhost (127.0.0.1 and ::1)
  port: number; // 0 = any free port
  distDir: string; // the built web app
  /** The profile served at api/profile; null: none (the app shows its drop zone). */
  profile: ServedProfile | null;
  /** The CLI's report options as URL parameters (ui-params.ts). */
  initialParams?: URLSearchParams;
  sources?: SourceFiles;
  share?: { store: ShareStore; limit: number; maxInflate?: number } | null;
  version?: string;
}

export interface RunningServer {
  url: string; // no trailing slash, as pprof prints it
  servers: Server[];
  close(): Promise<void>;
  /** Resolves when the server has stopped. */
  closed: Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.gz': 'application/octet-stream',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const TEXT = 'text/plain; charset=utf-8';
const VIEW_PATHS = new Set(['/ui/', '/ui/top', '/ui/graph', '/ui/flamegraph', '/ui/peek', '/ui/source']);

type Headers = Record<string, string | number>;

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Headers = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  send(res, 307, TEXT, `See ${location}\n`, { Location: location });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

/** Content-Disposition with a file name any client reads (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}

/** The file under dist for a URL path, or null when it would leave dist. */
export function staticPath(distDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(distDir);
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function sizeText(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${Math.round(n / 1024)} kB`;
}

async function postShare(o: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!o.share) {
    send(res, 404, TEXT, 'This server has no share store.\n');
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, o.share.limit);
  } catch (e) {
    if (!(e instanceof TooLarge)) throw e;
    send(res, 413, TEXT, `The profile is larger than the share limit of ${sizeText(o.share.limit)}: start tsprof-web with a larger -share_limit.\n`, {
      Connection: 'close',
    });
    return;
  }
  try {
    parseProfile(body, { maxInflate: o.share.maxInflate });
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    send(res, 400, TEXT, `Not shared: the body is not a profile: ${e.message}\n`);
    return;
  }
  let id: string;
  try {
    id = await o.share.store.put(body);
  } catch (e) {
    send(res, 500, TEXT, `Could not save the profile in the share store ${o.share.store.dir}: ${(e as Error).message}\n`);
    return;
  }
  json(res, 200, { id });
}

async function handle(o: ServerOptions, checkLocal: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (checkLocal) {
    const origin = req.headers.origin;
    if (!isLocalHost(req.headers.host) || !isLocalOrigin(origin) || !isLoopbackAddress(req.socket.remoteAddress)) {
      send(res, 403, TEXT, 'Forbidden: tsprof-web answers only requests from and addressed to localhost.\n');
      return;
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let p = url.pathname;
  const initial = o.initialParams ?? new URLSearchParams();

  if (req.method === 'POST' && (p === '/api/share' || p === '/ui/api/share')) {
    // Also on a non-local bind: no other site may post here (CSRF).
    if (!sameOrigin(req)) {
      send(res, 403, TEXT, 'Forbidden: a share must come from the tsprof-web page itself.\n');
      return;
    }
    await postShare(o, req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, TEXT, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }

  if (p === '/') {
    redirect(res, '/ui/flamegraph?' + mergeParams(initial, url.search).toString());
    return;
  }
  if (p === '/ui') p = '/ui/';
  if (VIEW_PATHS.has(p)) {
    if (url.search === '' && [...initial.keys()].length > 0) {
      // The CLI's options are the initial settings of every view.
      redirect(res, p + '?' + mergeParams(initial, '').toString());
      return;
    }
    const index = await readIfFile(path.join(o.distDir, 'index.html'));
    if (!index) send(res, 404, TEXT, 'The web app is not built: run `npm run build` in the tsprof-web folder.\n');
    else send(res, 200, TYPES['.html'], index);
    return;
  }
  if (p.startsWith('/ui/')) p = p.slice(3);

  if (p === '/download') {
    if (!o.profile) send(res, 404, TEXT, 'No profile loaded.\n');
    else send(res, 200, 'application/vnd.google.protobuf+gzip', o.profile.download(), { 'Content-Disposition': 'attachment;filename=profile.pb.gz' });
    return;
  }
  if (p === '/api/profile') {
    // No source: 204, not 404, so the browser logs no failed request on every start.
    if (!o.profile) send(res, 204, TEXT, '');
    else send(res, 200, 'application/octet-stream', o.profile.bytes, { 'Content-Disposition': contentDisposition('inline', o.profile.fileName) });
    return;
  }
  if (p === '/api/config') {
    json(res, 200, {
      fileName: o.profile?.fileName ?? null,
      sourcePath: o.sources?.anyReadable() ?? false,
      share: !!o.share,
      version: o.version ?? '',
      params: initial.toString(),
    });
    return;
  }
  if (p === '/api/source') {
    const file = url.searchParams.get('file');
    if (file === null || file === '') {
      send(res, 400, TEXT, 'Missing ?file=<source file name as the profile names it>.\n');
      return;
    }
    const a = o.sources ? o.sources.get(file) : ({ status: 404, message: 'No profile loaded.' } as const);
    if (a.status === 200) send(res, 200, TEXT, a.text);
    else send(res, a.status, TEXT, a.message + '\n');
    return;
  }
  if (p.startsWith('/api/share/')) {
    const id = p.slice('/api/share/'.length);
    const bytes = o.share ? await o.share.store.get(id) : null;
    if (!bytes) send(res, 404, TEXT, 'No shared profile with this id here: it was never shared with this server, or was evicted.\n');
    else {
      const name = `shared-${id.slice(0, 12)}${isGzip(bytes) ? '.pb.gz' : ''}`;
      send(res, 200, 'application/octet-stream', bytes, { 'Content-Disposition': contentDisposition('inline', name) });
    }
    return;
  }
  if (p.startsWith('/api/')) {
    send(res, 404, TEXT, 'Not found\n');
    return;
  }
  const file = staticPath(o.distDir, p);
  const body = file ? await readIfFile(file) : null;
  if (!body || !file) {
    send(res, 404, TEXT, 'Not found\n');
    return;
  }
  send(res, 200, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(s: Server): Promise<void> {
  return new Promise((r) => {
    if (!s.listening) return r();
    s.close(() => r());
    s.closeAllConnections();
  });
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const host = o.host.toLowerCase();
  const local = host === '' || LOOPBACK.has(host);
  const make = (): Server =>
    createServer((req, res) => {
      handle(o, local, req, res).catch(() => {
        if (!res.headersSent) send(res, 500, TEXT, 'Internal error\n');
        else res.destroy();
      });
    });
  const servers: Server[] = [];
  let url: string;
  if (host === '' || host === 'localhost') {
    // Both loopbacks, as a browser may try either for "localhost".
    const v4 = make();
    const a = await listen(v4, o.port, '127.0.0.1');
    servers.push(v4);
    const v6 = make();
    try {
      await listen(v6, a.port, '::1');
      servers.push(v6);
    } catch {
      // no IPv6 loopback here (or its port is taken): IPv4 only
    }
    url = `http://localhost:${a.port}`;
  } else {
    const s = make();
    const a = await listen(s, o.port, o.host);
    servers.push(s);
    url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${a.port}`;
  }
  const closed = Promise.all(servers.map((s) => new Promise<void>((r) => s.once('close', () => r())))).then(() => {});
  return {
    url,
    servers,
    closed,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
