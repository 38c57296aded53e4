// The parse entry point, as pprof's ParseData: gunzip when the bytes start with
// the gzip magic, then protobuf; if that fails, the legacy readers; then
// validation. When nothing reads the input, the error says what the input
// looks like, or, when it clearly is a protobuf profile, what is wrong in it.
import type { Profile } from './model';
import { ProfileError } from './errors';
import { decodeProto, ProtoDecodeError } from './decode-proto';
import { DEFAULT_MAX_INFLATE, gunzip, isGzip } from './gunzip';
import { describeInput, unrecognizedMessage } from './sniff';
import { validateProfile } from './validate';
import { parseLegacy } from './legacy/index';

export interface ParseOptions {
  /** Cap on the inflated size of gzipped input, in bytes (default 1 GiB). */
  maxInflate?: number;
}

/** True when a failed protobuf decode still shows the input is a protobuf profile. */
function looksLikeProto(data: Uint8Array, err: ProtoDecodeError, gzipped: boolean): boolean {
  const kind = describeInput(data).kind;
  if (kind !== 'binary') return false;
  // Whole top-level fields read, or a long way in: random bytes rarely get there.
  return err.complete || gzipped || err.topLevelFields >= 3 || err.offset >= 64;
}

/** Reads a profile from the bytes of a file; throws ProfileError with a message for people. */
export function parseProfile(bytes: Uint8Array, opts: ParseOptions = {}): Profile {
  if (bytes.length === 0) throw new ProfileError(unrecognizedMessage(bytes));
  let data = bytes;
  const gzipped = isGzip(bytes);
  if (gzipped) {
    data = gunzip(bytes, opts.maxInflate ?? DEFAULT_MAX_INFLATE);
    if (data.length === 0) throw new ProfileError('the input is gzip data that inflates to nothing (0 bytes): the profile was not written, or the download failed.');
  }

  let protoErr: ProtoDecodeError;
  try {
    return decodeProto(data);
  } catch (e) {
    if (!(e instanceof ProtoDecodeError)) throw e;
    protoErr = e;
  }
  // pprof does not try the legacy readers on concatenated profiles, nor on a
  // protobuf that decoded whole but failed validation (its CheckValid).
  if (protoErr.kind === 'concatenated' || protoErr.kind === 'invalid') throw protoErr;

  let legacy: Profile | null;
  try {
    legacy = parseLegacy(data);
  } catch (e) {
    // A legacy reader that took damaged protobuf for its format would hide the real problem.
    if (e instanceof ProfileError && looksLikeProto(data, protoErr, gzipped)) throw protoErr;
    throw e;
  }
  if (legacy) {
    validateProfile(legacy);
    return legacy;
  }
  if (looksLikeProto(data, protoErr, gzipped)) throw protoErr;
  throw new ProfileError(unrecognizedMessage(data, gzipped));
}
