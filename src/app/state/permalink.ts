// Where the open profile came from, as a permalink carries it: `url=` (a profile
// on the web, fetched by the browser), `share=` (the CLI's share store, by
// SHA-256) or `#p=` (a small profile inside the link itself, gzipped and
// base64url-encoded, so the link needs no server). A profile served by the CLI
// needs nothing: the page's own server gives it again.

/** Largest gzipped profile that travels inside a link (its base64url is ~64 KB). */
export const MAX_INLINE_BYTES = 48 * 1024;

export type ProfileSource =
  | { kind: 'served' } // the CLI's api/profile, the demo
  | { kind: 'file' } // dropped or picked: not in the link until Copy link
  | { kind: 'url'; url: string }
  | { kind: 'share'; id: string }
  | { kind: 'inline'; p: string }; // base64url of the gzipped bytes

export const SOURCE_PARAMS: readonly string[] = ['url', 'share'];

const B64URL = /^[A-Za-z0-9_-]*$/;
const SHARE_ID = /^[0-9a-f]{64}$/;

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000; // String.fromCharCode's argument count is limited
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when the text is not base64url (padding is tolerated). */
export function fromBase64Url(text: string): Uint8Array | null {
  const s = text.replace(/=+$/, '');
  if (!B64URL.test(s) || s.length % 4 === 1) return null;
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface ParsedSource {
  source: ProfileSource | null;
  errors: string[];
}

/**
 * The profile named by a page address (its query and fragment), with messages
 * for values that cannot be used. `pageHref` resolves a relative `url=`.
 * Precedence when several are given: p, share, url.
 */
export function parseSource(search: string, hash: string, pageHref: string): ParsedSource {
  const q = new URLSearchParams(search);
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const errors: string[] = [];
  let source: ProfileSource | null = null;
  const url = q.get('url');
  if (url !== null && url !== '') {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url, pageHref);
    } catch {
      parsed = null;
    }
    if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) source = { kind: 'url', url: parsed.href };
    else errors.push(`Ignored url=${url} in the address: it must be an http:// or https:// address of a profile.`);
  }
  const share = q.get('share');
  if (share !== null && share !== '') {
    if (SHARE_ID.test(share)) source = { kind: 'share', id: share };
    else errors.push(`Ignored share=${share.slice(0, 80)} in the address: a share id is 64 hexadecimal digits. Ask for the link again.`);
  }
  const p = h.get('p');
  if (p !== null && p !== '') {
    const bytes = fromBase64Url(p);
    if (bytes && bytes.length > 0) source = { kind: 'inline', p: p.replace(/=+$/, '') };
    else errors.push('Ignored the profile inside the link (#p=...): it is not valid base64url, perhaps the link was cut. Ask for the link again.');
  }
  return { source, errors };
}

/** The query parameters that name a source (before `v=`). */
export function sourceParams(source: ProfileSource | null): [string, string][] {
  if (source?.kind === 'url') return [['url', source.url]];
  if (source?.kind === 'share') return [['share', source.id]];
  return [];
}

/** The fragment that carries an in-link profile ('' when none). */
export function sourceHash(source: ProfileSource | null): string {
  return source?.kind === 'inline' ? '#p=' + source.p : '';
}

/** A short name for a profile loaded from a URL: its last path segment. */
export function fileNameFromUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter((s) => s !== '').pop();
    return last ? decodeURIComponent(last) : u.host;
  } catch {
    return 'profile';
  }
}
