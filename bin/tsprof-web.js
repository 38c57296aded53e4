#!/usr/bin/env node
// tsprof-web's launcher: runs the CLI built into dist/cli by `npm run build`
// (which `npm ci` runs through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('tsprof-web is not built: run `npm ci` (or `npm run build`) in its folder first.\n');
  process.exit(1);
}
const { runProcess } = await import(pathToFileURL(cli).href);
await runProcess();
