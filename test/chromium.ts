// Debian's Chromium and the flags STACK.md gives for it (no downloads, no
// background network): shared by the browser tests and the browser bench.
export const CHROMIUM = process.env.TSPROF_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
