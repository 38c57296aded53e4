// Go's regexp (RE2) syntax translated to a JavaScript RegExp, so that -focus,
// -ignore, -tagfocus... match exactly what `go tool pprof` matches. pprof uses
// MatchString: an unanchored search. The translation emits anchors, `.` and
// classes explicitly (Go's `.` excludes only \n, `\s` is ASCII, `$` is the end
// of text) and reports syntax errors with Go's wording.

/** A syntax error, with Go's message: `error parsing regexp: <code>: `<expr>``. */
export class GoRegexpError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.name = 'GoRegexpError';
  }
}

const E_BAD_CLASS = 'invalid character class';
const E_BAD_RANGE = 'invalid character class range';
const E_BAD_ESCAPE = 'invalid escape sequence';
const E_BAD_NAME = 'invalid named capture';
const E_BAD_PERL = 'invalid or unsupported Perl syntax';
const E_NESTED_REPEAT = 'invalid nested repetition operator';
const E_REPEAT_SIZE = 'invalid repeat count';
const E_NO_BRACKET = 'missing closing ]';
const E_NO_PAREN = 'missing closing )';
const E_NO_REPEAT_ARG = 'missing argument to repetition operator';
const E_TRAILING_BACKSLASH = 'trailing backslash at end of expression';
const E_UNEXPECTED_PAREN = 'unexpected )';

type Range = [number, number];

const MAX_RUNE = 0x10ffff;
const PERL_CLASSES: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};
const POSIX_CLASSES: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

function complement(rs: Range[]): Range[] {
  const sorted = [...rs].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

function cp(c: number): string {
  return `\\u{${c.toString(16)}}`;
}

function rangesSource(rs: Range[]): string {
  return rs.map(([lo, hi]) => (lo === hi ? cp(lo) : `${cp(lo)}-${cp(hi)}`)).join('');
}

// Go's simple case folding, for a case-insensitive scope that JS flags cannot express.
function foldVariants(c: number): number[] {
  const s = String.fromCodePoint(c);
  const set = new Set<number>([c]);
  for (const t of [s.toLowerCase(), s.toUpperCase()]) {
    if ([...t].length === 1) set.add(t.codePointAt(0)!);
  }
  const extra: Record<number, number[]> = { 0x6b: [0x212a], 0x4b: [0x212a], 0x212a: [0x6b, 0x4b], 0x73: [0x17f], 0x53: [0x17f], 0x17f: [0x73, 0x53] };
  for (const e of extra[c] ?? []) set.add(e);
  return [...set];
}

function foldRanges(rs: Range[]): Range[] {
  const out: Range[] = [...rs];
  for (const [lo, hi] of rs) {
    // Folding every rune of a huge range is pointless: only letters fold.
    const top = Math.min(hi, lo + 0x3000);
    for (let c = lo; c <= top; c++) for (const v of foldVariants(c)) if (v !== c) out.push([v, v]);
  }
  return out;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

class Translator {
  private pos = 0;
  private out = '';
  // Whether the last item can take a repetition operator, and whether it is one.
  private lastRepeatable = false;
  private lastRepeat = '';
  // Where the last repeatable item starts in out, and whether it already has a
  // quantifier (Go lets `(?i)` separate two: `a{2}(?i)*` repeats `a{2}`).
  private lastAtomStart = 0;
  private lastQuantified = false;
  private depth: { flags: Flags; outStart: number }[] = [];
  private flags: Flags;
  usesGlobalI = false;

  constructor(private readonly src: string) {
    this.flags = { i: false, m: false, s: false, U: false };
  }

  translate(): string {
    const src = this.src;
    // A leading (?i) makes the whole expression case-insensitive: use the JS flag.
    const lead = /^\(\?([imsU]+)\)/.exec(src);
    if (lead && lead[1].includes('i') && !/\(\?[imsU]*-/.test(src)) {
      this.usesGlobalI = true;
    }
    while (this.pos < src.length) this.step();
    if (this.depth.length > 0) throw new GoRegexpError(E_NO_PAREN, src);
    return this.out;
  }

  private emitAtom(s: string, start = this.out.length): void {
    this.lastAtomStart = start;
    this.lastQuantified = false;
    this.out += s;
    this.lastRepeatable = true;
    this.lastRepeat = '';
  }

  private emitLiteral(c: number): void {
    if (this.flags.i && !this.usesGlobalI) {
      const vs = foldVariants(c);
      if (vs.length > 1) {
        this.emitAtom('[' + vs.map(cp).join('') + ']');
        return;
      }
    }
    this.emitAtom(cp(c));
  }

  private step(): void {
    const src = this.src;
    const c = src[this.pos];
    switch (c) {
      case '(':
        this.openGroup();
        return;
      case ')':
        if (this.depth.length === 0) throw new GoRegexpError(E_UNEXPECTED_PAREN, src);
        const g = this.depth.pop()!;
        this.flags = g.flags;
        this.pos++;
        this.emitAtom(')', g.outStart);
        return;
      case '|':
        this.pos++;
        this.out += '|';
        this.lastRepeatable = false;
        this.lastRepeat = '';
        return;
      case '*':
      case '+':
      case '?':
        this.repeat(c, 1);
        return;
      case '{': {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(this.pos));
        if (!m) {
          this.pos++;
          this.emitLiteral(0x7b);
          return;
        }
        const lo = Number(m[1]);
        const hi = m[2] ? (m[3] === '' ? -1 : Number(m[3])) : lo;
        if (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo)) throw new GoRegexpError(E_REPEAT_SIZE, m[0]);
        this.repeat(m[0], m[0].length);
        return;
      }
      case '[':
        this.charClass();
        return;
      case '.':
        this.pos++;
        this.emitAtom(this.flags.s ? '[\\s\\S]' : '[^\\n]');
        return;
      case '^':
        this.pos++;
        this.emitAtom(this.flags.m ? '(?:(?<![^\\n]))' : '(?:(?<![\\s\\S]))');
        return;
      case '$':
        this.pos++;
        this.emitAtom(this.flags.m ? '(?:(?![^\\n]))' : '(?:(?![\\s\\S]))');
        return;
      case '\\':
        this.escapeOutside();
        return;
      default: {
        const r = src.codePointAt(this.pos)!;
        this.pos += r > 0xffff ? 2 : 1;
        this.emitLiteral(r);
      }
    }
  }

  private repeat(op: string, len: number): void {
    const start = this.pos;
    this.pos += len;
    let lazy = false;
    if (this.src[this.pos] === '?') {
      lazy = true;
      this.pos++;
    }
    const text = this.src.slice(start, this.pos);
    if (this.lastRepeat !== '') throw new GoRegexpError(E_NESTED_REPEAT, this.lastRepeat + text);
    if (!this.lastRepeatable) throw new GoRegexpError(E_NO_REPEAT_ARG, text);
    if (this.flags.U) lazy = !lazy;
    if (this.lastQuantified) {
      this.out = this.out.slice(0, this.lastAtomStart) + '(?:' + this.out.slice(this.lastAtomStart) + ')';
    }
    this.lastQuantified = true;
    this.out += op + (lazy ? '?' : '');
    this.lastRepeat = text;
  }

  private openGroup(): void {
    const src = this.src;
    const rest = src.slice(this.pos);
    if (rest.startsWith('(?P<')) {
      const end = rest.indexOf('>');
      if (end < 0) throw new GoRegexpError(E_BAD_NAME, rest);
      const name = rest.slice(4, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new GoRegexpError(E_BAD_NAME, rest.slice(0, end + 1));
      this.depth.push({ flags: { ...this.flags }, outStart: this.out.length });
      this.pos += end + 1;
      this.out += '('; // the name does not matter for matching
      this.lastRepeatable = false;
      this.lastRepeat = '';
      return;
    }
    if (rest.startsWith('(?')) {
      // Flags: (?flags) sets them to the end of the group, (?flags:re) scopes them.
      let k = 2;
      let neg = false;
      const f: Flags = { ...this.flags };
      let sawFlag = false;
      for (; k < rest.length; k++) {
        const ch = rest[k];
        if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'U') {
          f[ch] = !neg;
          sawFlag = true;
          continue;
        }
        if (ch === '-' && !neg) {
          neg = true;
          sawFlag = false;
          continue;
        }
        if ((ch === ')' || ch === ':') && (sawFlag || !neg)) break;
        throw new GoRegexpError(E_BAD_PERL, rest.slice(0, k + 1));
      }
      if (k >= rest.length) throw new GoRegexpError(E_BAD_PERL, rest);
      if (rest[k] === ')') {
        this.flags = f;
        this.pos += k + 1;
        this.lastRepeat = '';
        return;
      }
      this.depth.push({ flags: { ...this.flags }, outStart: this.out.length });
      this.flags = f;
      this.pos += k + 1;
      this.out += '(?:';
      this.lastRepeatable = false;
      this.lastRepeat = '';
      return;
    }
    this.depth.push({ flags: { ...this.flags }, outStart: this.out.length });
    this.pos++;
    this.out += '(';
    this.lastRepeatable = false;
    this.lastRepeat = '';
  }

  // Reads one escape after a backslash; returns a rune, a set of ranges, or a
  // JS class source (\p{...}).
  private escape(inClass: boolean): number | Range[] | string {
    const src = this.src;
    const start = this.pos;
    this.pos++; // the backslash
    if (this.pos >= src.length) throw new GoRegexpError(E_TRAILING_BACKSLASH, '');
    const c = src.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(c);
    this.pos += ch.length;
    switch (ch) {
      case 'a': return 7;
      case 'f': return 12;
      case 't': return 9;
      case 'n': return 10;
      case 'r': return 13;
      case 'v': return 11;
      case 'd': case 's': case 'w': return PERL_CLASSES[ch];
      case 'D': case 'S': case 'W': return complement(PERL_CLASSES[ch.toLowerCase()]);
      case 'x': {
        // Go reports the text up to the first character it could not use.
        const bad = (end: number) => new GoRegexpError(E_BAD_ESCAPE, src.slice(start, Math.min(end, src.length)));
        const hex = (k: number) => (k < src.length && /[0-9A-Fa-f]/.test(src[k]) ? parseInt(src[k], 16) : -1);
        if (src[this.pos] === '{') {
          let k = this.pos + 1;
          let v = 0;
          let n = 0;
          for (;;) {
            if (k >= src.length) throw bad(k);
            if (src[k] === '}') break;
            const h = hex(k);
            if (h < 0) throw bad(k + 1);
            v = v * 16 + h;
            if (v > MAX_RUNE) throw bad(k + 1);
            n++;
            k++;
          }
          if (n === 0) throw bad(k + 1);
          this.pos = k + 1;
          return v;
        }
        // Go reads both characters before checking them.
        const h1 = hex(this.pos);
        const h2 = hex(this.pos + 1);
        if (h1 < 0 || h2 < 0) throw bad(this.pos + 2);
        this.pos += 2;
        return h1 * 16 + h2;
      }
      case 'p': case 'P': {
        let name: string;
        if (src[this.pos] === '{') {
          const end = src.indexOf('}', this.pos);
          if (end < 0) throw new GoRegexpError(E_BAD_CLASS, src.slice(start));
          name = src.slice(this.pos + 1, end);
          this.pos = end + 1;
        } else {
          if (this.pos >= src.length) throw new GoRegexpError(E_BAD_CLASS, src.slice(start));
          name = String.fromCodePoint(src.codePointAt(this.pos)!);
          this.pos += name.length;
        }
        let negated = ch === 'P';
        if (name.startsWith('^')) {
          negated = !negated;
          name = name.slice(1);
        }
        if (name === 'Any') return negated ? [] : [[0, MAX_RUNE]];
        const body = /^[A-Z][a-z]?$/.test(name) ? name : `Script=${name}`;
        const js = `\\${negated ? 'P' : 'p'}{${body}}`;
        try {
          new RegExp(js, 'u');
        } catch {
          throw new GoRegexpError(E_BAD_RANGE, src.slice(start, this.pos));
        }
        return js;
      }
      default:
        break;
    }
    if (c >= 0x30 && c <= 0x37) {
      // Octal: \0 and \1-\7 followed by another octal digit; a lone \1 is a backreference.
      const rest = src.slice(start + 1);
      const oct = /^[0-7]{1,3}/.exec(rest)![0];
      if (c !== 0x30 && oct.length === 1) throw new GoRegexpError(E_BAD_ESCAPE, src.slice(start, start + 2));
      this.pos = start + 1 + oct.length;
      return parseInt(oct, 8);
    }
    if (!inClass && (ch === 'b' || ch === 'B' || ch === 'A' || ch === 'z' || ch === 'Q')) return ch;
    // Any other escaped ASCII character that is not a letter or digit is a literal.
    if (c < 0x80 && !/[0-9A-Za-z]/.test(ch)) return c;
    throw new GoRegexpError(E_BAD_ESCAPE, src.slice(start, this.pos));
  }

  private escapeOutside(): void {
    const r = this.escape(false);
    if (typeof r === 'number') {
      this.emitLiteral(r);
      return;
    }
    if (Array.isArray(r)) {
      this.emitAtom('[' + rangesSource(r) + ']');
      return;
    }
    switch (r) {
      case 'b':
        this.emitAtom('(?:\\b)');
        return;
      case 'B':
        this.emitAtom('(?:\\B)');
        return;
      case 'A':
        this.emitAtom('(?:(?<![\\s\\S]))');
        return;
      case 'z':
        this.emitAtom('(?:(?![\\s\\S]))');
        return;
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos);
        const lit = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        for (const ch of lit) this.emitLiteral(ch.codePointAt(0)!);
        return;
      }
      default:
        this.emitAtom(r); // \p{...}
    }
  }

  private charClass(): void {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: Range[] = [];
    const props: string[] = [];
    let first = true;
    for (;;) {
      if (this.pos >= src.length) throw new GoRegexpError(E_NO_BRACKET, src.slice(start));
      if (src[this.pos] === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (src.startsWith('[:', this.pos)) {
        const end = src.indexOf(':]', this.pos + 2);
        if (end >= 0) {
          let name = src.slice(this.pos + 2, end);
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          const set = POSIX_CLASSES[name];
          if (!set) throw new GoRegexpError(E_BAD_RANGE, src.slice(this.pos, end + 2));
          ranges.push(...(neg ? complement(set) : set));
          this.pos = end + 2;
          continue;
        }
      }
      const rangeStart = this.pos;
      const lo = this.classItem();
      if (typeof lo !== 'number') {
        if (typeof lo === 'string') props.push(lo);
        else ranges.push(...lo);
        continue;
      }
      let hi = lo;
      if (src[this.pos] === '-' && this.pos + 1 < src.length && src[this.pos + 1] !== ']') {
        this.pos++;
        const h = this.classItem();
        if (typeof h !== 'number' || h < lo) throw new GoRegexpError(E_BAD_RANGE, src.slice(rangeStart, this.pos));
        hi = h;
      }
      ranges.push([lo, hi]);
    }
    const folded = this.flags.i && !this.usesGlobalI ? foldRanges(ranges) : ranges;
    if (folded.length === 0 && props.length === 0) {
      this.emitAtom(negated ? '[\\s\\S]' : '[^\\s\\S]');
      return;
    }
    this.emitAtom('[' + (negated ? '^' : '') + rangesSource(folded) + props.join('') + ']');
  }

  private classItem(): number | Range[] | string {
    const src = this.src;
    if (src[this.pos] === '\\') return this.escape(true);
    const r = src.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    return r;
  }
}

/**
 * Compiles a Go regular expression (as pprof's flags take them) into an
 * equivalent JavaScript RegExp for unanchored matching with `test`.
 * Throws GoRegexpError with Go's message when the syntax is invalid.
 */
export function compileGoRegexp(expr: string): RegExp {
  const t = new Translator(expr);
  const source = t.translate();
  try {
    return new RegExp(source, t.usesGlobalI ? 'iu' : 'u');
  } catch (e) {
    // Should not happen: the translator only emits valid syntax.
    throw new GoRegexpError(E_BAD_PERL, expr);
  }
}
