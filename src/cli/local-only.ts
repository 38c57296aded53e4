// Who may talk to the -http server. Bound to loopback (the default), pprof's
// rule applies: the peer must be local, and so must the Host header (which
// defeats DNS rebinding) and the Origin header (no foreign page may read or
// post). Shares must come from the page's own origin whatever the bind.
import type { IncomingMessage } from 'node:http';

export const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

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
  return hp !== null && LOOPBACK.has(hp.host);
}

/** True for an absent Origin header or a local one (http://localhost:6001). */
export function isLocalOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(host);
  } catch {
    return false; // "null" (sandboxed or file: pages) and garbage
  }
}

/** True for an absent Origin or one naming the Host the request was sent to. */
export function sameOrigin(req: Pick<IncomingMessage, 'headers'>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

export function isLoopbackAddress(a: string | undefined): boolean {
  return a !== undefined && (a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.'));
}
