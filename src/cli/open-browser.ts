// Opening the web UI in the default browser, as pprof's openBrowser does
// (driver/commands.go browsers): $BROWSER first, then the platform's opener.
// Without a display (Linux with neither DISPLAY nor WAYLAND_DISPLAY) or
// without an opener, nothing is started: the URL printed is enough.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface Opener {
  cmd: string;
  args: string[];
}

/** Finds an executable on PATH (or checks a path given with a slash). */
export function onPath(cmd: string, env: Record<string, string | undefined>): boolean {
  const dirs = cmd.includes('/') ? [''] : (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const d of dirs) {
    try {
      accessSync(d === '' ? cmd : path.join(d, cmd), constants.X_OK);
      return true;
    } catch {
      // next
    }
  }
  return false;
}

/** The command that opens url, or null when there is none to run. */
export function browserCommand(
  url: string,
  platform: string,
  env: Record<string, string | undefined>,
  exists: (cmd: string) => boolean = (c) => onPath(c, env),
): Opener | null {
  const candidates: Opener[] = [];
  const user = (env.BROWSER ?? '').trim().split(/\s+/).filter((s) => s !== '');
  if (user.length > 0) candidates.push({ cmd: user[0], args: [...user.slice(1), url] });
  if (platform === 'darwin') candidates.push({ cmd: 'open', args: [url] });
  else if (platform === 'win32') candidates.push({ cmd: 'cmd', args: ['/c', 'start', '', url] });
  else if (env.DISPLAY || env.WAYLAND_DISPLAY) candidates.push({ cmd: 'xdg-open', args: [url] });
  else return null; // no desktop: a $BROWSER would be a text browser taking the terminal
  for (const c of candidates) if (platform === 'win32' || exists(c.cmd)) return c;
  return null;
}

/** Starts the browser detached; failures are ignored (the URL is printed anyway). */
export function openBrowser(url: string, env: Record<string, string | undefined>, platform: string = process.platform): boolean {
  const c = browserCommand(url, platform, env);
  if (!c) return false;
  try {
    const child = spawn(c.cmd, c.args, { detached: true, stdio: 'ignore', env: env as NodeJS.ProcessEnv, windowsHide: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
