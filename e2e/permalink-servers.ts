// Servers for the permalink tests: the real CLI, a plain static file server for
// dist/ under a sub-path (any static host), and a stand-in for a web server
// that hosts profiles. All on 127.0.0.1 and a free port; the Top table readers.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, fixture } from './helpers';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Starts `tsprof-web -http=127.0.0.1:0 -no_browser ...args`; resolves with its printed URL. */
export function startCli(args: string[]): Promise<Running> {
  const proc: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/tsprof-web.js'), '-http=127.0.0.1:0', '-no_browser', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`tsprof-web did not start: ${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /Serving web UI on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          close: async () => {
            proc.kill();
            await exited;
          },
        });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tsprof-web exited with ${code}: ${err}`));
    });
  });
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.gz': 'application/octet-stream',
};

/**
 * dist/ under `prefix` (e.g. "/some/sub/"), as a plain static host: files as
 * they are, index.html for the folder and, like most hosts' fallback page,
 * for unknown paths (so api/profile is an HTML page, not a 404).
 */
export function startStatic(prefix: string): Promise<Running> {
  const dist = path.join(root, 'dist');
  return listen((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!p.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const rel = p.slice(prefix.length);
    let file = path.join(dist, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(dist + path.sep) || rel.startsWith('cli/') || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(dist, 'index.html');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
}

/** A web server hosting profiles: `/profiles/<fixture>` with CORS, `/nocors/<fixture>` without; 404 otherwise. */
export function startProfileHost(): Promise<Running & { asked: string[] }> {
  const asked: string[] = [];
  return listen((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    asked.push(p);
    const m = /^\/(profiles|nocors)\/([\w.-]+)$/.exec(p);
    const file = m ? fixture(m[2]) : '';
    const cors = m?.[1] === 'profiles' ? { 'Access-Control-Allow-Origin': '*' } : {};
    if (!m || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...cors }).end('no such profile');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', ...cors });
    res.end(fs.readFileSync(file));
  }).then((r) => Object.assign(r, { asked }));
}

export function topTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Top functions' });
}

/** The cells of data rows 1..n of the Top table, once they are there. */
export async function topRows(page: Page, n: number): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 1; i <= n; i++) {
    const cells = topTable(page).locator(`[role="row"][aria-rowindex="${i + 1}"]`).getByRole('cell');
    await expect(cells.first()).toBeVisible();
    out.push((await cells.allInnerTexts()).map((t) => t.trim()));
  }
  return out;
}

/** Clicks "Copy link" and returns the link: the one the clipboard got, also shown in the field. */
export async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible({ timeout: 30_000 });
  const link = await page.getByRole('region', { name: 'Link to this view' }).getByRole('textbox', { name: 'Link' }).inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  return link;
}

/** A fresh browser context (no storage, no cache) on `link`; the caller closes it. */
export async function freshPage(browser: Browser, link: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  return page;
}
