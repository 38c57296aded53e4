import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './go-regexp';

const m = (re: string, s: string) => compileGoRegexp(re).test(s);
const err = (re: string) => {
  try {
    compileGoRegexp(re);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

// Expected behaviour checked against Go 1.19's regexp package.
describe('compileGoRegexp', () => {
  it('searches unanchored, like MatchString', () => {
    expect(m('Encode', 'pkg.(*Encoder).Encode')).toBe(true);
    expect(m('^runtime\\.', 'main.runtime.x')).toBe(false);
    expect(m('^runtime\\.', 'runtime.mallocgc')).toBe(true);
  });

  it('follows Go where JavaScript differs', () => {
    expect(m('a.c', 'a\rc')).toBe(true); // Go's . excludes only \n
    expect(m('a.c', 'a\nc')).toBe(false);
    expect(m('(?s)a.c', 'a\nc')).toBe(true);
    expect(m('\\s', '\u00a0')).toBe(false); // \s is ASCII in Go
    expect(m('a$', 'a\n')).toBe(false); // $ is the end of text
    expect(m('(?m)a$', 'a\nb')).toBe(true);
    expect(m('a{', 'a{')).toBe(true); // a brace that is no repeat is literal
    expect(m('\\Qa.b\\E', 'axb')).toBe(false);
    expect(m('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(m('[[:upper:]]ncode', 'Encode')).toBe(true);
    expect(m('[^[:alpha:]]', 'abc')).toBe(false);
    expect(m('\\pL+\\.', 'main.')).toBe(true);
    expect(m('(?P<name>Enc)ode', 'Encode')).toBe(true);
    expect(m('\\x{263a}', '☺')).toBe(true);
    expect(m('\\=\\ ', '= ')).toBe(true); // any escaped ASCII punctuation or space
  });

  it('supports flags, scoped or not', () => {
    expect(m('(?i)ENCODE', 'encode')).toBe(true);
    expect(m('x(?i:b)y', 'xBy')).toBe(true);
    expect(m('x(?i:b)y', 'xBY')).toBe(false);
    expect(m('(?i)k', '\u212a')).toBe(true); // Kelvin sign folds to k
    expect(m('(?U)a+', 'aaa')).toBe(true);
    expect(m('a{2}(?i)*', 'aaaa')).toBe(true); // Go repeats a{2} again
  });

  it('reports syntax errors with Go\'s messages', () => {
    expect(err('(')).toBe('error parsing regexp: missing closing ): `(`');
    expect(err('a)')).toBe('error parsing regexp: unexpected ): `a)`');
    expect(err('[a')).toBe('error parsing regexp: missing closing ]: `[a`');
    expect(err('a**')).toBe('error parsing regexp: invalid nested repetition operator: `**`');
    expect(err('*a')).toBe('error parsing regexp: missing argument to repetition operator: `*`');
    expect(err('\\q')).toBe('error parsing regexp: invalid escape sequence: `\\q`');
    expect(err('\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    expect(err('(?=a)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(err('[z-a]')).toBe('error parsing regexp: invalid character class range: `z-a`');
    expect(err('x{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(err('\\x{110000}')).toBe('error parsing regexp: invalid escape sequence: `\\x{110000`');
    expect(err('a\\')).toBe('error parsing regexp: trailing backslash at end of expression: ``');
    expect(err('[[:foo:]]')).toBe('error parsing regexp: invalid character class range: `[:foo:]`');
    expect(err('(?i)')).toBeNull();
    expect(err('')).toBeNull();
  });
});
