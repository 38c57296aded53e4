// profile.proto decoder: a hand-written loop over the wire format, straight
// into the columns of model.ts. Two passes: pass 1 walks the top level (keeps
// the byte ranges of the repeated messages, decodes strings and scalars),
// pass 2 decodes mappings, functions, locations, then samples, so every id is
// resolved to a row index as it is read. Varints are read by hand (in the
// decode-*.ts passes and proto-reader.ts), not through protobufjs's Reader:
// we need exact 64-bit addresses (bigint), negative int64 values without
// Long, and the byte offset of every malformation; and it is faster.
//
// Each pass is its own function (decode-top.ts, decode-mappings.ts,
// decode-functions.ts, decode-locations.ts, decode-samples.ts): V8 optimizes
// each hot loop alone, so the first decode does not deoptimize again and
// again as one big function reaches code it has no type feedback for yet.
// Each has a fast loop for the usual encoding and a general reader, in a
// function of its own, for anything else and for every error message.
//
// Behaviour follows pprof's profile/encode.go + proto.go (Go 1.19 vendored
// copy): unknown fields are skipped, packed and unpacked repeated scalars are
// both read, string_table[0] must be "", a second time_nanos after a non-zero
// one means concatenated profiles, labels with neither str nor num nor unit
// are dropped. We are stricter where pprof would silently drop a reference.
import type { Profile } from './model';
import { ProfileError } from './errors';
import { validateProfile } from './validate';
import { decodeTop } from './decode-top';
import { decodeMappings } from './decode-mappings';
import { decodeFunctions } from './decode-functions';
import { decodeLocations } from './decode-locations';
import { decodeSamples } from './decode-samples';
import { Decoder, decodeStrings, IdIndex, ProtoDecodeError } from './proto-reader';

export { ProtoDecodeError, type ProtoErrorKind } from './proto-reader';

/** Decodes an uncompressed profile.proto message. Throws ProtoDecodeError. */
export function decodeProto(buf: Uint8Array): Profile {
  const d = new Decoder(buf);
  const top = decodeTop(d);
  d.complete = true;
  const strings = d.strings;
  decodeStrings(d, top.strings, strings);
  if (strings.length === 0) {
    d.fail('Profile.string_table is missing (a profile has at least the empty string at index 0)', buf.length);
  }
  const mappings = decodeMappings(d, top.mappings);
  const mappingIds = new Float64Array(mappings.length);
  for (let m = 0; m < mappings.length; m++) mappingIds[m] = mappings[m].id;
  const functions = decodeFunctions(d, top.functions);
  const locations = decodeLocations(d, top.locations, new IdIndex(mappingIds, mappings.length), new IdIndex(functions.id, functions.count));
  const samples = decodeSamples(d, top.samples, top.sampleTypes.length, new IdIndex(locations.id, locations.count), locations.id);
  const p: Profile = {
    strings,
    sampleTypes: top.sampleTypes,
    samples,
    mappings,
    locations,
    functions,
    dropFrames: top.dropFrames,
    keepFrames: top.keepFrames,
    timeNanos: top.timeNanos,
    durationNanos: top.durationNanos,
    periodType: top.periodType,
    period: top.period,
    comments: top.comments,
    defaultSampleType: top.defaultSampleType,
    docUrl: top.docUrl,
  };
  try {
    validateProfile(p, { rows: false });
  } catch (e) {
    if (e instanceof ProfileError) throw new ProtoDecodeError(e.message, 'invalid', buf.length, d.topFields, true);
    throw e;
  }
  return p;
}
