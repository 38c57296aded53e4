// Strings inside a profile are untrusted: a profile whose names are HTML and
// script payloads must show them as text and run nothing.
import { ProfileBuilder } from '../src/core/profile/builder';
import { encodeProto } from '../src/core/profile/encode-proto';
import { expect, openApp, openWithDrop, openWithPicker, test } from './helpers';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  "javascript:window.__pwned=4//'\"`",
];

function hostileProfile(): Buffer {
  const b = new ProfileBuilder();
  b.addSampleType(PAYLOADS[0], 'count');
  b.addSampleType(PAYLOADS[1], PAYLOADS[2]);
  b.defaultSampleType = b.string(PAYLOADS[1]);
  const m = b.addMapping({ start: 0x1000n, limit: 0x2000n, file: b.string(`/bin/${PAYLOADS[2]}`), hasFunctions: true });
  const f1 = b.addFunction(PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], 1);
  const f2 = b.addFunction(PAYLOADS[3], PAYLOADS[3], 'x.go', 1);
  const l1 = b.addLocation(0x1100n, m, [{ function: f1, line: 2 }]);
  const l2 = b.addLocation(0x1200n, m, [{ function: f2, line: 3 }]);
  b.addSample([l1, l2], [3, 300], [{ key: PAYLOADS[1], str: PAYLOADS[0] }]);
  b.addSample([l2], [1, 100]);
  b.periodType = b.valueType(PAYLOADS[0], PAYLOADS[2]);
  b.period = 1;
  b.comments = PAYLOADS.map((p) => b.string(p));
  return Buffer.from(encodeProto(b.build()));
}

async function expectInert(page: import('@playwright/test').Page): Promise<void> {
  // Shown as text...
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Sample types' });
  await expect(table.locator('tbody tr').nth(0).locator('.type-name')).toHaveText(PAYLOADS[0]);
  await expect(table.locator('tbody tr').nth(1).locator('.type-name')).toHaveText(PAYLOADS[1]);
  for (const p of PAYLOADS) await expect(page.locator('ul.comments').getByText(p, { exact: true })).toBeVisible();
  // ...and nothing ran or was created from them.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('#root img, #root script, #root svg, #root iframe').count()).toBe(0);
}

test('a profile full of HTML and script payloads runs nothing (file picker)', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, { name: '<img src=x onerror="window.__pwned=5">.pb', buffer: hostileProfile() });
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('<img src=x onerror="window.__pwned=5">.pb');
  await expectInert(page);
});

test('a profile full of HTML and script payloads runs nothing (drop)', async ({ page }) => {
  await openApp(page);
  await openWithDrop(page, '<svg onload=window.__pwned=6>.pb.gz', hostileProfile());
  await expectInert(page);
});
