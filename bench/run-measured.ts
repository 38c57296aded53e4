// Runs a command and measures it from outside: wall time and peak RSS, with
// /usr/bin/time -v when present, else by polling /proc/PID/status (VmHWM).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  peakRssMB: number | null; // null when it could not be read
}

const TIME = '/usr/bin/time';

function vmHWM(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function runMeasured(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; useTime?: boolean } = {},
): Promise<Measured> {
  const useTime = (opts.useTime ?? true) && existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-v', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let peak: number | null = null;
    const poll = useTime
      ? null
      : setInterval(() => {
          const v = child.pid === undefined ? null : vmHWM(child.pid);
          if (v !== null) peak = Math.max(peak ?? 0, v);
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      let stderr = Buffer.concat(err).toString('utf8');
      if (useTime) {
        // time -v appends its report to the command's stderr.
        const at = stderr.lastIndexOf('\tCommand being timed:');
        const report = at >= 0 ? stderr.slice(at) : '';
        if (at >= 0) stderr = stderr.slice(0, at).replace(/Command (exited with non-zero status|terminated by signal) \d+\n$/, '');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (m) peak = Number(m[1]) * 1024;
        const status = /Exit status: (\d+)/.exec(report);
        if (status) code = Number(status[1]);
      }
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, wallMs, peakRssMB: peak === null ? null : peak / 1e6 });
    });
  });
}
