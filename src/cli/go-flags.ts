// A command-line parser with the conventions of Go's flag package, which
// pprof uses: single or double dash, `-name=value` or `-name value`, booleans
// as `-name` or `-name=true|false` (never `-name false`), `--` ends the flags.
// Unlike Go, flags may also follow the sources (`tsprof-web -top cpu.pb.gz
// -cum`): nobody names a profile "-cum", and Go would fail on it anyway.

export type FlagKind = 'bool' | 'string' | 'int' | 'float';

export interface FlagSpec {
  kind: FlagKind;
  help: string;
}

export type FlagValue = boolean | string | number;

export class FlagError extends Error {
  constructor(
    message: string,
    readonly showUsage: boolean,
  ) {
    super(message);
    this.name = 'FlagError';
  }
}

export interface ParsedFlags {
  values: Map<string, FlagValue>; // only the flags given
  args: string[]; // positional arguments
  help: boolean;
}

// strconv.ParseBool
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

function parseValue(name: string, spec: FlagSpec, raw: string): FlagValue {
  const bad = (): FlagError => new FlagError(`invalid value ${JSON.stringify(raw)} for flag -${name}: parse error`, true);
  switch (spec.kind) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) throw new FlagError(`invalid boolean value ${JSON.stringify(raw)} for -${name}: parse error`, true);
      return b;
    }
    case 'int': {
      // strconv.ParseInt(s, 0, 64): decimal, 0x hex, 0o or 0 octal, 0b binary.
      const m = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|(0|[1-9][0-9]*))$/.exec(raw);
      if (!m) throw bad();
      const v = m[2] ? parseInt(m[2], 16) : m[3] ? parseInt(m[3], 2) : m[4] ? parseInt(m[4], 8) : Number(m[5]);
      if (!Number.isSafeInteger(v)) throw bad();
      return m[1] === '-' ? -v : v;
    }
    case 'float': {
      // strconv.ParseFloat: decimal or exponent forms, and Inf/NaN spellings.
      if (/^[+-]?(inf|infinity)$/i.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
      if (/^nan$/i.test(raw)) return NaN;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw bad();
      return Number(raw);
    }
    default:
      return raw;
  }
}

/** Parses argv (without the program name) against the flag table. */
export function parseGoFlags(argv: string[], specs: Record<string, FlagSpec>): ParsedFlags {
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-') {
      args.push(a);
      continue;
    }
    let body = a.slice(a[1] === '-' ? 2 : 1);
    if (body === '' || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${a}`, true);
    let raw: string | undefined;
    const eq = body.indexOf('=');
    if (eq >= 0) {
      raw = body.slice(eq + 1);
      body = body.slice(0, eq);
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, body) ? specs[body] : undefined;
    if (!spec) {
      if (body === 'h' || body === 'help') {
        help = true;
        continue;
      }
      throw new FlagError(`flag provided but not defined: -${body}`, true);
    }
    if (spec.kind === 'bool') {
      values.set(body, raw === undefined ? true : parseValue(body, spec, raw));
      continue;
    }
    if (raw === undefined) {
      if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: -${body}`, true);
      raw = argv[++i];
    }
    values.set(body, parseValue(body, spec, raw));
  }
  return { values, args, help };
}
