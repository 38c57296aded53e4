// A file that is not a profile says what is wrong in a role="alert" and leaves
// the profile that was open on screen.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { expect, fixture, openApp, openWithDrop, openWithPicker, test } from './helpers';

test('an execution trace is refused with a clear message, and the open profile stays', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.http.pb.gz'));
  await expect(page.getByRole('heading', { level: 2, name: 'cpu.http.pb.gz' })).toBeVisible();

  await openWithPicker(page, fixture('trace.out'));
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('trace.out');
  // The message is the reader's, not a stack trace.
  await expect(alert).not.toContainText(/\bat \S+ \(|\.ts:\d+|Error:/);
  await expect(page.getByRole('heading', { level: 2, name: 'cpu.http.pb.gz' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sample types' })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
});

test('random bytes dropped on the page are refused, and the open profile stays', async ({ page }) => {
  await openApp(page);
  await openWithDrop(page, 'goroutine.pb.gz', fs.readFileSync(fixture('goroutine.pb.gz')));
  await expect(page.getByRole('heading', { level: 2, name: 'goroutine.pb.gz' })).toBeVisible();

  await openWithDrop(page, 'noise.bin', randomBytes(4096));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('noise.bin');
  await expect(page.getByRole('heading', { level: 2, name: 'goroutine.pb.gz' })).toBeVisible();

  // Dismissing the alert keeps the profile too; a good file afterwards clears the error.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await openWithDrop(page, 'noise2.bin', randomBytes(512));
  await expect(page.getByRole('alert')).toContainText('noise2.bin');
  await openWithPicker(page, fixture('mutex.pb.gz'));
  await expect(page.getByRole('heading', { level: 2, name: 'mutex.pb.gz' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an empty file is refused before any profile is open', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, { name: 'empty.pb.gz', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert')).toContainText('empty.pb.gz is empty');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Load the demo profile' })).toBeVisible();
});

test('a truncated gzip file is refused', async ({ page }) => {
  await openApp(page);
  const whole = fs.readFileSync(fixture('cpu.pb.gz'));
  await openWithPicker(page, { name: 'cut.pb.gz', buffer: whole.subarray(0, Math.floor(whole.length / 2)) });
  await expect(page.getByRole('alert')).toContainText('cut.pb.gz');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);
});
