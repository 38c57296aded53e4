// DOWNLOAD > Profile: the open profile re-encoded as profile.proto and
// gzipped (what pprof writes with -proto), named after the opened file.
import type { Profile } from '../core/profile/model';
import { encodeProto } from '../core/profile/encode-proto';

export type DownloadOutcome = { ok: true; fileName: string; bytes: ArrayBuffer } | { ok: false; message: string };

/** "cpu.pb.gz" -> "cpu.pb.gz"; "heap.debug1.txt" -> "heap.debug1.pb.gz"; "profile" -> "profile.pb.gz". */
export function downloadName(fileName: string): string {
  const base = fileName.replace(/\.(pb\.gz|pb|prof|pprof|gz|txt|out)$/i, '') || 'profile';
  return base + '.pb.gz';
}

/** The download name of a profile minus a base: "cpu.new-diff_base-cpu.base.pb.gz". */
export function diffName(fileName: string, baseName: string): string {
  return `${downloadName(fileName).replace(/\.pb\.gz$/, '')}-diff_base-${downloadName(baseName)}`;
}

async function gzip(data: Uint8Array): Promise<ArrayBuffer> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

export async function downloadProfile(p: Profile, fileName: string): Promise<DownloadOutcome> {
  try {
    const bytes = await gzip(encodeProto(p));
    return { ok: true, fileName: downloadName(fileName), bytes };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Could not prepare the download: ${detail}.` };
  }
}
