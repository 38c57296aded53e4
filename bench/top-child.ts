// Runs `tsprof-web -top FILE` through the CLI's main() in its own process, so
// top.ts can measure our whole run (start-up, read, parse, report) the same
// way as `go tool pprof -top FILE`: wall time and peak RSS from outside.
import { tryImport } from './util';

interface CliModule {
  main(argv: string[], io: { stdout(s: string): void; stderr(s: string): void; cwd: string }): Promise<number>;
}

const file = process.argv[2];
const cli = await tryImport<CliModule>('../src/cli/main.ts');
if (!cli || !file) {
  process.stderr.write(cli ? 'usage: top-child.ts FILE\n' : 'src/cli/main.ts does not exist yet\n');
  process.exit(3);
}
const out: string[] = [];
const code = await cli.main(['-top', file], {
  stdout: (s) => out.push(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});
process.stdout.write(out.join(''));
process.exitCode = code;
