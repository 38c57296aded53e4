// Parses a file's bytes into a Profile and its summary; turns every failure
// into a message for the person (a ProfileError's own message, never a stack).
import { loadProfiles } from '../core/profile/combine';
import { parseProfile } from '../core/profile/parse';
import { ProfileError } from '../core/profile/errors';
import type { Profile } from '../core/profile/model';
import { summarize, type ProfileSummary } from './summary';

export type OpenResult =
  | { ok: true; profile: Profile; summary: ProfileSummary }
  | { ok: false; message: string };

export function openProfile(fileName: string, bytes: Uint8Array, now: () => number = () => performance.now()): OpenResult {
  const t0 = now();
  try {
    if (bytes.length === 0) {
      return { ok: false, message: `${fileName} is empty (0 bytes): choose a pprof profile file (.pb.gz, .pb, .prof or a legacy text profile).` };
    }
    // What pprof reports on (its driver's loading): a merge where it could
    // change the sums (samples of one stack that cancel out), drop_frames.
    const profile = loadProfiles([parseProfile(bytes)], [], { sumsOnly: true });
    const summary = summarize(profile, fileName, bytes.length, now() - t0);
    return { ok: true, profile, summary };
  } catch (e) {
    if (e instanceof ProfileError) return { ok: false, message: `Could not open ${fileName}: ${e.message}` };
    // A bug of ours, not a problem of the file: say so, without a stack trace.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Could not open ${fileName}: internal error while reading it (${detail}). Please report this with the file.` };
  }
}

/**
 * The profile minus the base, as `go tool pprof -diff_base`: the base's values
 * negated and merged in, its samples labelled pprof::base=true.
 */
export function diffProfiles(
  opened: Extract<OpenResult, { ok: true }>,
  base: Extract<OpenResult, { ok: true }>,
  now: () => number = () => performance.now(),
): OpenResult {
  const t0 = now();
  const { fileName } = opened.summary;
  const baseName = base.summary.fileName;
  try {
    const profile = loadProfiles([opened.profile], [base.profile], { diffBase: true });
    const summary = summarize(profile, fileName, opened.summary.byteLength, opened.summary.parseMs + base.summary.parseMs + now() - t0);
    return { ok: true, profile, summary };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Could not compare ${fileName} with ${baseName}: ${detail}.` };
  }
}
