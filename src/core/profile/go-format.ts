// Go's fmt of time.Time and time.Duration, as pprof prints them in
// Profile.String() (and so in `go tool pprof -raw`).

/** Go's time.Duration.String(): "1h2m3.5s", "10.17s", "1.5ms", "0s". */
export function goDuration(nanos: number | bigint): string {
  let u = BigInt(nanos);
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = '\u00b5s';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, int] = fmtFrac(u, prec);
    out = int.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    out = (secs % 60n).toString() + frac + 's';
    const mins = secs / 60n;
    if (mins > 0n) {
      out = (mins % 60n).toString() + 'm' + out;
      const hours = mins / 60n;
      if (hours > 0n) out = hours.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

// The fraction of v / 10^prec with trailing zeros (and a lone dot) removed,
// and the integer part.
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    print = print || d !== 0n;
    if (print) digits = d.toString() + digits;
    v /= 10n;
  }
  return [print ? '.' + digits : '', v];
}

/** Go's `%.4v` of a Duration: the String() cut to 4 characters (runes). */
export function goDurationPrec4(nanos: number | bigint): string {
  return Array.from(goDuration(nanos)).slice(0, 4).join('');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Go's time.Time.String() of time.Unix(0, nanos) in UTC:
 * "2026-11-26 23:23:54.25223066 +0000 UTC" (fraction's trailing zeros trimmed).
 * pprof prints local time; the goldens were made with TZ=UTC, and a browser's
 * zone is not Go's, so UTC is the one reproducible choice.
 */
export function goTimeUTC(nanos: bigint): string {
  let secs = nanos / 1_000_000_000n;
  let frac = nanos % 1_000_000_000n;
  if (frac < 0n) {
    frac += 1_000_000_000n;
    secs -= 1n;
  }
  const d = new Date(Number(secs) * 1000);
  const y = d.getUTCFullYear();
  const year = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  let f = '';
  if (frac !== 0n) f = '.' + frac.toString().padStart(9, '0').replace(/0+$/, '');
  return (
    `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${f} +0000 UTC`
  );
}

/** Go's `%d` of an int64 held in a float64 (no exponent for large values). */
export function goInt(v: number): string {
  if (Number.isSafeInteger(v)) return String(v);
  if (!Number.isFinite(v)) return String(v);
  return BigInt(Math.trunc(v)).toString();
}

/** Go's sort.Strings order: byte-wise UTF-8, which is code point order. */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
