import { describe, expect, it } from 'vitest';
import { browserCommand, onPath } from './open-browser';

const U = 'http://localhost:6001/ui/flamegraph?v=1';
const all = (): boolean => true;

describe('browserCommand', () => {
  it('uses xdg-open on a Linux desktop, nothing without a display', () => {
    expect(browserCommand(U, 'linux', { DISPLAY: ':0' }, all)).toEqual({ cmd: 'xdg-open', args: [U] });
    expect(browserCommand(U, 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, all)).toEqual({ cmd: 'xdg-open', args: [U] });
    expect(browserCommand(U, 'linux', {}, all)).toBeNull();
    expect(browserCommand(U, 'linux', { BROWSER: 'lynx' }, all)).toBeNull();
  });

  it('prefers $BROWSER, and skips openers that are missing', () => {
    expect(browserCommand(U, 'linux', { DISPLAY: ':0', BROWSER: 'firefox --new-window' }, all)).toEqual({
      cmd: 'firefox',
      args: ['--new-window', U],
    });
    expect(browserCommand(U, 'linux', { DISPLAY: ':0', BROWSER: 'nope' }, (c) => c === 'xdg-open')?.cmd).toBe('xdg-open');
    expect(browserCommand(U, 'linux', { DISPLAY: ':0' }, () => false)).toBeNull();
  });

  it('uses open on macOS and start on Windows', () => {
    expect(browserCommand(U, 'darwin', {}, all)).toEqual({ cmd: 'open', args: [U] });
    expect(browserCommand(U, 'win32', {}, () => false)).toEqual({ cmd: 'cmd', args: ['/c', 'start', '', U] });
  });
});

describe('onPath', () => {
  it('finds node’s own executable and not a made-up name', () => {
    expect(onPath(process.execPath, {})).toBe(true);
    expect(onPath('no-such-command-tsprof', { PATH: process.env.PATH })).toBe(false);
  });
});
