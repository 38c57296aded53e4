#!/usr/bin/env node
// `npm test`: Chromium check, build, unit tests (vitest), browser tests
// (Playwright), then one last line "N passed, N failed" over both.
// Each tool streams its usual output; a JSON report beside it is what we count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.TSPROF_CHROMIUM ?? '/usr/bin/chromium';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'tsprof-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) console.error(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function ensureChromium() {
  if (fs.existsSync(chromium)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log(`${chromium} is missing: installing Debian's chromium package.`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], env) === 0 && run('apt-get', ['install', '-y', 'chromium'], env) === 0 && fs.existsSync(chromium)) {
      return true;
    }
  }
  console.error(
    `\nThe browser tests need Chromium at ${chromium} and it is not there.\n` +
      `Install it, then run npm test again:\n` +
      `  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point TSPROF_CHROMIUM at a Chromium or Chrome binary.\n`,
  );
  return false;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems = [];

const haveChromium = ensureChromium();
if (!haveChromium) problems.push('Chromium missing');

const buildOk = run(npm, ['run', 'build']) === 0;
if (!buildOk) problems.push('build failed');

// Unit tests need no build and no browser: always run them.
const unitJson = path.join(reports, 'vitest.json');
const unitStatus = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) {
  // it.fails tests that fail as expected are counted as passed by vitest itself.
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  if (unitStatus !== 0 && (unit.numFailedTests ?? 0) === 0) {
    failed += 1;
    problems.push(`vitest exited with ${unitStatus} (a test file failed to load?)`);
  }
} else {
  failed += 1;
  problems.push('vitest wrote no report');
}

if (haveChromium && buildOk) {
  const e2eJson = path.join(reports, 'playwright.json');
  const e2eStatus = run(npx, ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: e2eJson,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    TSPROF_CHROMIUM: chromium,
  });
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    // expected = passed (including test.fail() that failed); flaky = passed on retry.
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected ?? 0;
    if (e2eStatus !== 0 && (e2e.stats.unexpected ?? 0) === 0) {
      failed += 1;
      problems.push(`playwright exited with ${e2eStatus} (${(e2e.errors ?? []).map((e) => e.message).join('; ') || 'see above'})`);
    }
  } else {
    failed += 1;
    problems.push('playwright wrote no report');
  }
} else {
  failed += 1;
  problems.push('browser tests not run');
}

fs.rmSync(reports, { recursive: true, force: true });
if (problems.length > 0) console.log(`\nProblems: ${problems.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
