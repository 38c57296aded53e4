// The usage text (-h), laid out like pprof's.
import { FLAGS } from './cli-args';

const GROUPS: [string, string[]][] = [
  ['Output formats (select at most one)', ['comments', 'dot', 'list', 'peek', 'proto', 'raw', 'tags', 'text', 'top', 'traces', 'tree']],
  ['Output file parameters (for file-based output formats)', ['output']],
  [
    'Options',
    [
      'call_tree', 'compact_labels', 'divide_by', 'drop_negative', 'edgefraction', 'focus', 'hide', 'ignore', 'mean', 'nodecount', 'nodefraction',
      'noinlines', 'normalize', 'prune_from', 'relative_percentages', 'sample_index', 'show', 'show_from',
      'source_path', 'tagfocus', 'taghide', 'tagignore', 'tagleaf', 'tagroot', 'tagshow', 'trim', 'trim_path', 'unit',
    ],
  ],
  ['Granularity (set one; or -granularity=NAME)', ['functions', 'filefunctions', 'files', 'lines', 'addresses']],
  ['Sort (set one)', ['cum', 'flat']],
];

function line(name: string): string {
  const flag = '-' + name;
  return `    ${flag.padEnd(16)} ${FLAGS[name].help}`;
}

export function usageText(): string {
  const out = [
    'usage:',
    '',
    'Produce output in the specified format.',
    '',
    '   tsprof-web <format> [options] <source> ...',
    '',
    'Omit the format and provide the "-http" flag to get an interactive web',
    'interface at the specified host:port.',
    '',
    '   tsprof-web -http [host]:[port] [options] [<source> ...]',
    '',
    'Details:',
  ];
  for (const [title, names] of GROUPS) {
    out.push(`  ${title}:`);
    for (const n of names) out.push(line(n));
    out.push('');
  }
  out.push(
    '  Source options:',
    '    -seconds              Duration for time-based profile collection',
    '    -timeout              Timeout in seconds for profile collection',
    '    -diff_base source     Source of base profile for comparison',
    '    -base source          Source of base profile for profile subtraction',
    '    -max_inflate=SIZE     Largest decompressed profile accepted (default 1GiB; e.g. 512MB, 2GiB)',
    '    profile.pb.gz         Profile in compressed protobuf format',
    '    legacy_profile        Profile in legacy pprof format',
    '    http://host/profile   URL for profile handler to retrieve',
    '',
    '  Misc options:',
    '   -http              Provide web interface at host:port.',
    "                      Host is optional and 'localhost' by default.",
    '                      Port is optional and a randomly available port by default.',
    '   -no_browser        Skip opening a browser for the interactive web UI.',
    '   -share_dir=DIR     Where the web UI\'s shared profiles are kept',
    '                      (default: tsprof-web/shared in the user cache directory).',
    '   -share_limit=SIZE  Largest profile accepted for sharing (default 64MB).',
    '',
    '  Legacy convenience options:',
    '   -inuse_space           Same as -sample_index=inuse_space',
    '   -inuse_objects         Same as -sample_index=inuse_objects',
    '   -alloc_space           Same as -sample_index=alloc_space',
    '   -alloc_objects         Same as -sample_index=alloc_objects',
    '   -total_delay           Same as -sample_index=delay',
    '   -contentions           Same as -sample_index=contentions',
    '   -mean_delay            Same as -mean -sample_index=delay',
  );
  return out.join('\n') + '\n';
}
