import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GO } from '../../../../test/fixtures';
import { parseLegacy } from './index';
import { ELIDED_FRAME, functionName } from './goroutine-dump';
import { decodeProto } from '../decode-proto';
import { encodeProto } from '../encode-proto';
import { profileToString } from '../to-string';
import { validateProfile } from '../validate';
import { str, type Profile } from '../model';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const total = (p: Profile): number => p.samples.values[0].reduce((a, b) => a + b, 0);

/** label key -> value -> summed count */
function labelTotals(p: Profile): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < p.samples.count; i++) {
    for (let k = p.samples.labelStart[i]; k < p.samples.labelStart[i + 1]; k++) {
      const v = p.samples.labelStr[k] ? str(p, p.samples.labelStr[k]) : `${p.samples.labelNum[k]} ${str(p, p.samples.labelNumUnit[k])}`;
      const key = `${str(p, p.samples.labelKey[k])}=${v}`;
      m.set(key, (m.get(key) ?? 0) + p.samples.values[0][i]);
    }
  }
  return m;
}

/** Function names of sample i, leaf first, inlined frames included. */
function stackNames(p: Profile, i: number): string[] {
  const out: string[] = [];
  for (let k = p.samples.stackStart[i]; k < p.samples.stackStart[i + 1]; k++) {
    const loc = p.samples.stackLocs[k];
    for (let j = p.locations.lineStart[loc]; j < p.locations.lineStart[loc + 1]; j++) {
      out.push(str(p, p.functions.name[p.locations.lineFunction[j]]));
    }
  }
  return out;
}

describe('goroutine debug=2 dump (fixture)', () => {
  const text = fs.readFileSync(path.join(GO, 'goroutine.debug2.txt'), 'utf8');
  const p = parseLegacy(enc(text))!;

  it('reads as a goroutine profile with the total of goroutine.pb.gz', () => {
    expect(p).not.toBeNull();
    validateProfile(p);
    expect(str(p, p.sampleTypes[0].type)).toBe('goroutine');
    expect(str(p, p.sampleTypes[0].unit)).toBe('count');
    const pb = decodeProto(new Uint8Array(gunzipSync(fs.readFileSync(path.join(GO, 'goroutine.pb.gz')))));
    expect(total(p)).toBe(total(pb));
    expect(total(p)).toBe([...text.matchAll(/^goroutine \d+ \[/gm)].length);
  });

  it('labels each goroutine with its state', () => {
    const want = new Map<string, number>();
    for (const m of text.matchAll(/^goroutine \d+ \[([^,\]]*)/gm)) want.set(`state=${m[1]}`, (want.get(`state=${m[1]}`) ?? 0) + 1);
    const got = new Map([...labelTotals(p)].filter(([k]) => k.startsWith('state=')));
    expect(got).toEqual(want);
  });

  it('groups identical stacks and keeps names, files and inlined calls', () => {
    // Fewer samples than goroutines: identical ones were grouped.
    expect(p.samples.count).toBeLessThan(total(p));
    const s = profileToString(p);
    expect(s).toContain('internal/poll.(*pollDesc).waitRead internal/poll/fd_poll_runtime.go:89 s=0');
    // waitRead(...) has no +0x offset: an inline line of (*FD).Accept's location.
    const i = s.split('\n').findIndex((l) => l.includes('waitRead'));
    expect(s.split('\n')[i + 1]).toMatch(/^ {13}internal\/poll\.\(\*FD\)\.Accept internal\/poll\/fd_unix\.go:614 s=0$/);
    expect(profileToString(decodeProto(encodeProto(p)))).toBe(s);
  });

  it('does not put created-by frames in the stack but labels them', () => {
    for (let i = 0; i < p.samples.count; i++) expect(stackNames(p, i)).not.toContain('example.com/workload/internal/pool.Park.func1');
    expect(labelTotals(p).get('created_by=example.com/workload/internal/pool.Park.func1')).toBe(
      [...text.matchAll(/^created by example\.com\/workload\/internal\/pool\.Park\.func1$/gm)].length,
    );
  });
});

describe('goroutine debug=2 dump (variations)', () => {
  const dump = `
goroutine 1 [running]:
main.main()
	/src/main.go:10 +0x1d

goroutine 18 [IO wait, 5 minutes, locked to thread]:
internal/poll.runtime_pollWait(0x7f6d, 0x72)
	/go/src/runtime/netpoll.go:305 +0x89
net/http.(*conn).serve(0xc000, {0x9e, 0xc0})
	/go/src/net/http/server.go:1995 +0x612
created by net/http.(*Server).Serve in goroutine 1
	/go/src/net/http/server.go:3086 +0x5cb

goroutine 19 [IO wait, 5 minutes, locked to thread]:
internal/poll.runtime_pollWait(0x7f6e, 0x72)
	/go/src/runtime/netpoll.go:305 +0x89
net/http.(*conn).serve(0xc001, {0x9f, 0xc1})
	/go/src/net/http/server.go:1995 +0x612
created by net/http.(*Server).Serve in goroutine 1
	/go/src/net/http/server.go:3086 +0x5cb

goroutine 20 [IO wait, 7 minutes]:
internal/poll.runtime_pollWait(0x7f6e, 0x72)
	/go/src/runtime/netpoll.go:305 +0x89

goroutine 21 gp=0xc000 m=nil [chan receive (nil chan)]:
main.deep(...)
	/src/main.go:40
main.deep(0x1)
	/src/main.go:41 +0x20
...additional frames elided...
some line the reader does not know
created by main.start
	/src/main.go:5 +0x2f
`;
  const p = parseLegacy(enc(dump))!;

  it('reads states, minutes, locked threads, created by, elided frames', () => {
    expect(total(p)).toBe(5);
    const labels = labelTotals(p);
    expect(labels.get('state=running')).toBe(1);
    expect(labels.get('state=IO wait')).toBe(3);
    expect(labels.get('state=chan receive (nil chan)')).toBe(1);
    expect(labels.get('wait=5 minutes')).toBe(2);
    expect(labels.get('wait=7 minutes')).toBe(1);
    expect(labels.get('locked_to_thread=true')).toBe(2);
    expect(labels.get('created_by=net/http.(*Server).Serve')).toBe(2);
    expect(labels.get('created_by=main.start')).toBe(1);
    // goroutines 18 and 19: same stack and labels, one sample of 2
    expect(p.samples.count).toBe(4);
    expect(Array.from(p.samples.values[0])).toEqual([1, 2, 1, 1]);
    expect(stackNames(p, 1)).toEqual(['internal/poll.runtime_pollWait', 'net/http.(*conn).serve']);
    expect(stackNames(p, 3)).toEqual(['main.deep', 'main.deep', ELIDED_FRAME]);
    validateProfile(p);
  });

  it('prints the wait label with its unit', () => {
    expect(profileToString(p)).toContain('wait:[5 minutes]');
  });
});

describe('goroutine dump after a crash message', () => {
  it('skips the panic message', () => {
    const crash = 'panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:7 +0x25\nexit status 2\n';
    const p = parseLegacy(enc(crash))!;
    expect(total(p)).toBe(1);
    expect(stackNames(p, 0)).toEqual(['main.main']);
  });

  it('is not fooled by a panic message without goroutines', () => {
    expect(parseLegacy(enc('panic: boom\n\nnothing else\n'))).toBeNull();
  });
});

describe('functionName', () => {
  it.each([
    ['main.main()', 'main.main'],
    ['pkg.(*T).m(0x1, {0x2, 0x3})', 'pkg.(*T).m'],
    ['pkg.F[...](...)', 'pkg.F[...]'],
    ['pkg.(*T[...]).m(0xc0?)', 'pkg.(*T[...]).m'],
    ['not a call', null],
  ])('%s', (line, want) => expect(functionName(line)).toBe(want));
});
