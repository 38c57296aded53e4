// Go's bufio.Scanner with ScanLines over a decoded text: lines split on \n,
// a trailing \r dropped, no empty token after a final newline. text() is ''
// once the input is exhausted, as in Go. lineNo is 1-based, for messages.

export class LineScanner {
  private readonly lines: string[];
  private i = -1;

  constructor(text: string) {
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    this.lines = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  }

  scan(): boolean {
    if (this.i < this.lines.length) this.i++;
    return this.i < this.lines.length;
  }

  text(): string {
    return this.i >= 0 && this.i < this.lines.length ? this.lines[this.i] : '';
  }

  /** 1-based number of the current line. */
  get lineNo(): number {
    return this.i + 1;
  }
}

export function isSpaceOrComment(line: string): boolean {
  const t = line.trim();
  return t.length === 0 || t[0] === '#';
}

const MEMORY_MAP_SENTINELS = ['--- Memory map: ---', 'MAPPED_LIBRARIES:'];

export function isMemoryMapSentinel(line: string): boolean {
  return MEMORY_MAP_SENTINELS.some((s) => line.includes(s));
}

/** Shortens a line for an error message. */
export function quoteLine(line: string): string {
  const t = line.length > 80 ? line.slice(0, 77) + '...' : line;
  return JSON.stringify(t);
}
