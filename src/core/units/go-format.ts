// Go's fmt number formatting (%.Nf, %.Ng) for doubles. JavaScript's toFixed and
// toPrecision round an exact binary tie away from zero; Go rounds it to even.
// pprof's numbers must match Go's byte for byte, so we round the exact decimal
// expansion of the double ourselves.

interface Decimal {
  digits: string; // significant digits, no leading or trailing zeros ('' = zero)
  dp: number; // decimal point position: value = 0.digits * 10^dp
}

// Exact decimal expansion of x >= 0 (toFixed(100) is exact to 100 places, which
// is all a tie decision can need for values we print).
function exact(x: number): Decimal {
  const s = x < 1e21 ? x.toFixed(100) : BigInt(x).toString();
  const dot = s.indexOf('.');
  const ip = dot < 0 ? s : s.slice(0, dot);
  const fp = dot < 0 ? '' : s.slice(dot + 1);
  let all = ip + fp;
  let dp = ip.length;
  let i = 0;
  while (i < all.length && all[i] === '0') i++;
  all = all.slice(i);
  dp -= i;
  let j = all.length;
  while (j > 0 && all[j - 1] === '0') j--;
  all = all.slice(0, j);
  if (all === '') dp = 0;
  return { digits: all, dp };
}

// Rounds d to nd digits, half to even on an exact tie (Go's decimal.Round).
function round(d: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= d.digits.length) return d;
  let up: boolean;
  if (d.digits[nd] === '5' && nd + 1 === d.digits.length) {
    up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = d.digits[nd] >= '5';
  }
  if (!up) return trim({ digits: d.digits.slice(0, nd), dp: d.dp });
  const ds = d.digits.slice(0, nd).split('');
  let i = nd - 1;
  while (i >= 0 && ds[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  ds[i] = String.fromCharCode(ds[i].charCodeAt(0) + 1);
  return trim({ digits: ds.slice(0, i + 1).join(''), dp: d.dp });
}

function trim(d: Decimal): Decimal {
  let j = d.digits.length;
  while (j > 0 && d.digits[j - 1] === '0') j--;
  if (j === 0) return { digits: '', dp: 0 };
  return { digits: d.digits.slice(0, j), dp: d.dp };
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? d.digits[i] : '0';
}

// %f body of a rounded decimal with prec places.
function fmtF(d: Decimal, prec: number): string {
  let s = '';
  if (d.dp > 0) {
    for (let i = 0; i < d.dp; i++) s += digitAt(d, i);
  } else {
    s = '0';
  }
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) s += digitAt(d, d.dp + i);
  }
  return s;
}

/** Go's fmt.Sprintf("%.<prec>f", v). */
export function goFixed(v: number, prec: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  const neg = v < 0 || Object.is(v, -0);
  const d = round(exact(Math.abs(v)), exact(Math.abs(v)).dp + prec);
  return (neg ? '-' : '') + fmtF(d, prec);
}

/** Go's fmt.Sprintf("%.<prec>g", v) (no width). */
export function goG(v: number, prec: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  const neg = v < 0 || Object.is(v, -0);
  if (prec === 0) prec = 1;
  const d = round(exact(Math.abs(v)), prec);
  const nd = d.digits.length;
  let eprec = prec;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  const x = d.dp - 1;
  let body: string;
  if (nd > 0 && (x < -4 || x >= eprec)) {
    const p = Math.min(prec, nd) - 1;
    body = d.digits[0];
    if (p > 0) body += '.' + d.digits.slice(1, 1 + p).padEnd(p, '0');
    const ax = Math.abs(x);
    body += 'e' + (x < 0 ? '-' : '+') + (ax < 10 ? '0' : '') + ax;
  } else {
    let p = prec;
    if (p > d.dp) p = nd;
    body = fmtF(d, Math.max(p - d.dp, 0));
  }
  return (neg ? '-' : '') + body;
}

/** Right-aligns s in width w like Go's %<w>s. */
export function padLeft(s: string, w: number): string {
  const n = [...s].length;
  return n >= w ? s : ' '.repeat(w - n) + s;
}
