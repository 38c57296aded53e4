// Test helpers for the CLI (used by *.test.ts only): main() run in-process
// with its output collected, a request with any Host/Origin header (fetch
// cannot set Host), and main() run as a server.
import { request } from 'node:http';
import { main, type CliIO } from './main';

/** Runs the command in cwd; returns what it printed and its exit code. */
export async function runMain(argv: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { stdout, stderr, code };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export function httpRequest(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { hostname: u.hostname, port: u.port, path: u.pathname + u.search, method: o.method ?? 'GET', headers: o.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

export interface MainServer {
  url: string;
  stderr: () => string;
  close(): Promise<void>;
  exit: Promise<number>;
}

/** Runs main(argv) until its server listens; rejects with stderr when main ends first. */
export function serveMain(argv: string[], io: Partial<CliIO> & { cwd: string }): Promise<MainServer> {
  let stderr = '';
  return new Promise((resolve, reject) => {
    const exit = main(argv, {
      stdout: () => {},
      ...io,
      stderr: (s) => {
        stderr += s;
        io.stderr?.(s);
      },
      onServe: (url, close) => resolve({ url, stderr: () => stderr, close, exit }),
    });
    exit.then(
      (code) => reject(new Error(`main ended with ${code}: ${stderr}`)),
      (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
    );
  });
}
