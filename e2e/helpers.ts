// Shared pieces of the browser tests: a page fixture that fails a test on any
// console error or uncaught exception, the fixtures' paths, the golden totals,
// and the two ways a file gets in (the file picker and a drop).
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { GO } from '../test/fixtures';

export { expect, GO };

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('dialog', (d) => {
        errors.push(`dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      await use(errors);
      expect(errors, 'no console errors, uncaught exceptions or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export function fixture(name: string): string {
  return path.join(GO, name);
}

/** The page with its startup done (no profile from a server: the drop zone shows the demo button). */
export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Open profile' })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
}

/** Opens a file the way a person does: the "Open profile" button, then the file picker. */
export async function openWithPicker(page: Page, file: string | { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Open profile' }).getByRole('button', { name: 'Open profile' }).click();
  const fc = await chooser;
  await fc.setFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** Drops a file on the page header (not on the drop zone: anywhere works) with a synthetic DataTransfer. */
export async function openWithDrop(page: Page, name: string, bytes: Buffer, target = 'header'): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ name, b64 }) => {
      const bin = atob(b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([u8], name));
      return dt;
    },
    { name, b64: bytes.toString('base64') },
  );
  await page.dispatchEvent(target, 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent(target, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(target, 'drop', { dataTransfer: dt });
  await dt.dispose();
}

const UNIT_FACTOR: Record<string, number> = {
  '': 1,
  B: 1,
  kB: 2 ** 10,
  MB: 2 ** 20,
  GB: 2 ** 30,
  TB: 2 ** 40,
  ns: 1,
  us: 1e3,
  ms: 1e6,
  s: 1e9,
  hrs: 3600e9,
};

/** A pprof value label ("9070ms", "38.50MB", "89") in base units, with the half-unit of its last digit. */
export function parseValueLabel(label: string): { value: number; tolerance: number } {
  const m = /^(-?\d+(?:\.(\d+))?)([a-zA-Z]*)$/.exec(label);
  if (!m || !(m[3] in UNIT_FACTOR)) throw new Error(`not a pprof value label: ${label}`);
  const f = UNIT_FACTOR[m[3]];
  const decimals = m[2]?.length ?? 0;
  return { value: Number(m[1]) * f, tolerance: 0.5 * 10 ** -decimals * f };
}

/** pprof's total for a sample type, from a golden `-top` output: "... of 38.50MB total". */
export function goldenTotal(goldenFile: string): string {
  const text = fs.readFileSync(fixture(goldenFile), 'utf8');
  const m = /of (\S+) total/.exec(text);
  if (!m) throw new Error(`no total in ${goldenFile}`);
  return m[1];
}

/** The default sample type pprof picked, from a golden `-top` output's "Type:" line. */
export function goldenType(goldenFile: string): string {
  const m = /^Type: (\S+)$/m.exec(fs.readFileSync(fixture(goldenFile), 'utf8'));
  if (!m) throw new Error(`no Type: line in ${goldenFile}`);
  return m[1];
}

/** The sample types ("type/unit") pprof lists in a golden `-raw` output. */
export function goldenSampleTypes(goldenFile: string): string[] {
  const lines = fs.readFileSync(fixture(goldenFile), 'utf8').split('\n');
  const i = lines.indexOf('Samples:');
  if (i < 0) throw new Error(`no Samples: in ${goldenFile}`);
  return lines[i + 1].trim().split(/\s+/).map((t) => t.replace(/\[dflt\]$/, ''));
}

/** Serves a fixture at api/profile as the CLI does, so that the page (and a reload) opens it. */
export async function serve(page: Page, file: string): Promise<void> {
  const bytes = fs.readFileSync(fixture(file));
  await page.route('**/api/profile', (route) =>
    route.fulfill({
      status: 200,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${file}"` },
    }),
  );
}

// The Top table and the golden -top outputs it must equal.

/** The rows of a golden `-top`: [flat, flat%, sum%, cum, cum%, name]. */
export function goldenRows(file: string): string[][] {
  const lines = fs.readFileSync(fixture(file), 'utf8').split('\n');
  const h = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  return lines
    .slice(h + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)  (.*)$/.exec(l)!.slice(1, 7));
}

export function table(page: Page): Locator {
  return page.getByRole('table', { name: 'Top functions' });
}

/** Data row i (1-based, as aria-rowindex - 1). */
export function row(page: Page, i: number): Locator {
  return table(page).locator(`[role="row"][aria-rowindex="${i + 1}"]`);
}

export async function expectFirstRows(page: Page, want: string[][], n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await expect(row(page, i).getByRole('cell'), `row ${i}`).toHaveText(want[i - 1]);
  }
}
