// The browser bench's static server: files with their types, the single-page
// fallback to index.html, and no way out of the served folder.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './browser-server';

describe('serveStatic', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tsprof-serve-'));
    mkdirSync(path.join(dir, 'site/assets'), { recursive: true });
    writeFileSync(path.join(dir, 'site/index.html'), '<p>app</p>');
    writeFileSync(path.join(dir, 'site/assets/a.js'), 'export {}');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside');
    mkdirSync(path.join(dir, 'site2'));
    writeFileSync(path.join(dir, 'site2/x.txt'), 'sibling');
    server = await serveStatic(path.join(dir, 'site'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files with their content type, on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(server.url + 'assets/a.js');
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await r.text()).toBe('export {}');
  });

  it('answers unknown paths and the root with index.html', async () => {
    for (const p of ['', 'ui/top?view=top', 'assets/']) {
      const r = await fetch(server.url + p);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await r.text()).toBe('<p>app</p>');
    }
  });

  it('never serves a file outside its folder', async () => {
    for (const p of ['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt', '..%2fsite2%2fx.txt', '%E0%A4%A']) {
      expect(await (await fetch(server.url + p)).text()).toBe('<p>app</p>');
    }
  });

  it('refuses a folder without index.html, saying to build', async () => {
    await expect(serveStatic(dir)).rejects.toThrow(/npm run build/);
  });
});
