// Making the permalink of what is on screen. A profile that the address
// already names (served by the CLI, url=, share=, #p=) needs nothing: the
// address is the link. A dropped profile first gets a source: inside the link
// when its gzipped bytes are small, else the CLI's share store (after the
// person says so: it uploads the profile), else it cannot be linked.
import type { DownloadResult } from '../../worker/protocol';
import { MAX_INLINE_BYTES, toBase64Url } from './permalink';

export type LinkPlan =
  | { kind: 'ready' } // the address is the link
  | { kind: 'inline'; p: string }
  | { kind: 'share'; bytes: ArrayBuffer; size: number } // needs the person's go-ahead
  | { kind: 'too-big'; bytes: ArrayBuffer; fileName: string; size: number }
  | { kind: 'error'; message: string };

interface Deps {
  download(): Promise<DownloadResult>;
  /** Whether the page's server has a share store (the CLI's api/config). */
  canShare(): Promise<boolean>;
}

export async function planLink(sourceKind: string | undefined, deps: Deps): Promise<LinkPlan> {
  if (sourceKind !== 'file') return { kind: 'ready' };
  const d = await deps.download();
  if (!d.ok) return { kind: 'error', message: d.message };
  const size = d.bytes.byteLength;
  if (size <= MAX_INLINE_BYTES) return { kind: 'inline', p: toBase64Url(new Uint8Array(d.bytes)) };
  if (await deps.canShare()) return { kind: 'share', bytes: d.bytes, size };
  return { kind: 'too-big', bytes: d.bytes, fileName: d.fileName, size };
}

/** The CLI's api/config says share: true; false on a static host or any failure. */
export async function serverCanShare(base: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await fetchFn(base + 'api/config', { cache: 'no-store' });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return false;
    const cfg = (await res.json()) as { share?: unknown };
    return cfg.share === true;
  } catch {
    return false;
  }
}

/** Saves the profile in the CLI's share store; resolves with its id. */
export async function postShare(base: string, bytes: ArrayBuffer, fetchFn: typeof fetch = fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetchFn(base + 'api/share', { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
  } catch {
    throw new Error('Could not share the profile: the tsprof-web server does not answer. Is it still running?');
  }
  if (res.status === 413) throw new Error('Could not share the profile: it is larger than the share store accepts (-share_limit). Download it and send the file instead.');
  if (!res.ok) {
    const detail = (await res.text().catch(() => '')).trim().slice(0, 300);
    throw new Error(`Could not share the profile: the server answered ${res.status}${detail ? ` (${detail})` : ''}.`);
  }
  const body = (await res.json()) as { id?: unknown };
  if (typeof body.id !== 'string' || !/^[0-9a-f]{64}$/.test(body.id)) throw new Error('Could not share the profile: the server gave no share id.');
  return body.id;
}

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
