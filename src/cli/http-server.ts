// The minimal `-http=host:port` server: the built web app from dist/ and the
// loaded profile's bytes at GET /api/profile. Only requests addressed to
// localhost are answered (a DNS-rebinding page gets 403), and no path taken
// from a request is opened outside dist/.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ServerOptions {
  host: string; // '' = 127.0.0.1
  port: number; // 0 = any free port
  distDir: string; // the built web app
  /** The profile served at /api/profile; null: dist's demo.pb.gz (404 if absent). */
  profile: Uint8Array | null;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
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

/** "host:port" of -http: empty host = localhost, empty port = any. */
export function parseHostPort(hostport: string): { host: string; port: number } | null {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostport);
  if (!m) return null;
  let host = m[1];
  if (host.startsWith('[')) host = host.slice(1, -1);
  const port = m[2] ? Number(m[2]) : 0;
  if (!Number.isInteger(port) || port > 65535) return null;
  return { host, port };
}

/** True when a Host header names this machine's loopback. */
export function isLocalHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const hp = parseHostPort(hostHeader.toLowerCase());
  if (!hp) return false;
  return hp.host === 'localhost' || hp.host === '127.0.0.1' || hp.host === '::1';
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
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

async function handle(o: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isLocalHost(req.headers.host)) {
    send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: tsprof-web answers only requests addressed to localhost.\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    return;
  }
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (urlPath === '/api/profile') {
    const bytes = o.profile ?? (await readIfFile(path.join(o.distDir, 'demo.pb.gz')));
    if (!bytes) send(res, 404, 'text/plain; charset=utf-8', 'No profile loaded.\n');
    else send(res, 200, 'application/octet-stream', bytes);
    return;
  }
  const isApp = urlPath === '/' || urlPath === '/ui' || urlPath.startsWith('/ui/');
  const file = isApp ? path.join(o.distDir, 'index.html') : staticPath(o.distDir, urlPath);
  const body = file ? await readIfFile(file) : null;
  if (!body || !file) {
    const hint = isApp ? 'The web app is not built: run `npm run build`.\n' : 'Not found\n';
    send(res, 404, 'text/plain; charset=utf-8', hint);
    return;
  }
  send(res, 200, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body);
}

export function startServer(o: ServerOptions): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(o, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    });
  });
  const host = o.host === '' ? '127.0.0.1' : o.host;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      resolve({
        url: `http://${shown}:${a.port}/`,
        server,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
