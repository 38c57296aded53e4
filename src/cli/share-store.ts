// The share store: profiles saved by the web app's "Share" for permalinks,
// content-addressed by the SHA-256 of their bytes under a directory of the
// user's cache. Files are named by their 64-hex id only, so nothing taken
// from a request other than a checked id ever names a file. Beyond a total
// size the oldest (least recently stored) files are evicted.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

export const DEFAULT_SHARE_TOTAL = 1024 * 1024 * 1024; // the whole store

const ID = /^[0-9a-f]{64}$/;

export function isShareId(id: string): boolean {
  return ID.test(id);
}

/**
 * The default -share_dir: tsprof-web/shared in the user's cache directory
 * ($XDG_CACHE_HOME or ~/.cache; ~/Library/Caches on macOS; %LOCALAPPDATA% on
 * Windows), as Go's os.UserCacheDir picks it.
 */
export function defaultShareDir(env: Record<string, string | undefined>, platform: string = process.platform, home = homedir()): string {
  let cache: string;
  if (platform === 'darwin') cache = path.join(home, 'Library', 'Caches');
  else if (platform === 'win32') cache = env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  else cache = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(cache, 'tsprof-web', 'shared');
}

export interface ShareStoreOptions {
  dir: string;
  maxTotal?: number; // bytes kept in all; default 1 GiB
}

export class ShareStore {
  readonly dir: string;
  readonly maxTotal: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(o: ShareStoreOptions) {
    this.dir = o.dir;
    this.maxTotal = o.maxTotal ?? DEFAULT_SHARE_TOTAL;
  }

  /** Stores bytes (already validated by the caller); returns their id. */
  put(bytes: Uint8Array): Promise<string> {
    const id = createHash('sha256').update(bytes).digest('hex');
    // One write at a time, so eviction sees a consistent directory.
    const run = this.queue.then(() => this.write(id, bytes));
    this.queue = run.catch(() => {});
    return run;
  }

  private async write(id: string, bytes: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, id);
    const now = new Date();
    try {
      await utimes(file, now, now); // already stored: it becomes the newest
    } catch {
      const tmp = path.join(this.dir, `.${id}.${process.pid}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    }
    await this.evict(id);
    return id;
  }

  /** Removes the oldest files until the store fits maxTotal (keeping `keep`). */
  private async evict(keep: string): Promise<void> {
    const files: { name: string; size: number; mtime: number }[] = [];
    for (const name of await readdir(this.dir)) {
      if (!isShareId(name)) continue;
      try {
        const st = await stat(path.join(this.dir, name));
        if (st.isFile()) files.push({ name, size: st.size, mtime: st.mtimeMs });
      } catch {
        // removed meanwhile
      }
    }
    let total = files.reduce((s, f) => s + f.size, 0);
    files.sort((a, b) => a.mtime - b.mtime);
    for (const f of files) {
      if (total <= this.maxTotal) break;
      if (f.name === keep) continue;
      await rm(path.join(this.dir, f.name), { force: true });
      total -= f.size;
    }
  }

  /** The bytes stored under id, or null (also for anything that is not an id). */
  async get(id: string): Promise<Uint8Array | null> {
    if (!isShareId(id)) return null;
    try {
      return await readFile(path.join(this.dir, id));
    } catch {
      return null;
    }
  }
}
