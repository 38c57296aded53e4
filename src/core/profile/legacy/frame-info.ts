// pprof's addLegacyFrameInfo: legacy profiles get drop_frames/keep_frames
// regexes naming the allocator, lock or profiler frames to hide
// (google/pprof profile/legacy_profile.go).
import type { LProfile } from './legacy-profile';

const heapzSampleTypes = [
  ['allocations', 'size'], // early Go pprof profiles
  ['objects', 'space'],
  ['inuse_objects', 'inuse_space'],
  ['alloc_objects', 'alloc_space'],
  ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'], // Go pprof legacy profiles
];
const contentionzSampleTypes = [['contentions', 'delay']];

function isProfileType(p: LProfile, types: string[][]): boolean {
  return types.some((t) => t.length === p.sampleTypes.length && t.every((x, i) => p.sampleTypes[i][0] === x));
}

export const allocRxStr = [
  // POSIX entry points.
  'calloc', 'cfree', 'malloc', 'free', 'memalign', 'do_memalign', '(__)?posix_memalign',
  'pvalloc', 'valloc', 'realloc',
  // TC malloc.
  'tcmalloc::.*', 'tc_calloc', 'tc_cfree', 'tc_malloc', 'tc_free', 'tc_memalign',
  'tc_posix_memalign', 'tc_pvalloc', 'tc_valloc', 'tc_realloc', 'tc_new', 'tc_delete',
  'tc_newarray', 'tc_deletearray', 'tc_new_nothrow', 'tc_newarray_nothrow',
  // Memory-allocation routines on OS X.
  'malloc_zone_malloc', 'malloc_zone_calloc', 'malloc_zone_valloc', 'malloc_zone_realloc',
  'malloc_zone_memalign', 'malloc_zone_free',
  // Go runtime
  'runtime\\..*',
  // Other misc. memory allocation routines
  'BaseArena::.*', '(::)?do_malloc_no_errno', '(::)?do_malloc_pages', '(::)?do_malloc',
  'DoSampledAllocation', 'MallocedMemBlock::MallocedMemBlock', '_M_allocate',
  '__builtin_(vec_)?delete', '__builtin_(vec_)?new', '__gnu_cxx::new_allocator::allocate',
  '__libc_malloc', '__malloc_alloc_template::allocate', 'allocate', 'cpp_alloc',
  'operator new(\\[\\])?', 'simple_alloc::allocate',
].join('|');

export const allocSkipRxStr = [
  // Preserve Go runtime frames that appear in the middle/bottom of the stack.
  'runtime\\.panic', 'runtime\\.reflectcall', 'runtime\\.call[0-9]*',
].join('|');

export const cpuProfilerRxStr = [
  'ProfileData::Add', 'ProfileData::prof_handler', 'CpuProfiler::prof_handler',
  '__pthread_sighandler', '__restore',
].join('|');

export const lockRxStr = [
  'RecordLockProfileData', '(base::)?RecordLockProfileData.*', '(base::)?SubmitMutexProfileData.*',
  '(base::)?SubmitSpinLockProfileData.*', '(base::Mutex::)?AwaitCommon.*', '(base::Mutex::)?Unlock.*',
  '(base::Mutex::)?UnlockSlow.*', '(base::Mutex::)?ReaderUnlock.*', '(base::MutexLock::)?~MutexLock.*',
  '(Mutex::)?AwaitCommon.*', '(Mutex::)?Unlock.*', '(Mutex::)?UnlockSlow.*', '(Mutex::)?ReaderUnlock.*',
  '(MutexLock::)?~MutexLock.*', '(SpinLock::)?Unlock.*', '(SpinLock::)?SlowUnlock.*',
  '(SpinLockHolder::)?~SpinLockHolder.*',
].join('|');

export function addLegacyFrameInfo(p: LProfile): void {
  if (isProfileType(p, heapzSampleTypes)) {
    p.dropFrames = allocRxStr;
    p.keepFrames = allocSkipRxStr;
  } else if (isProfileType(p, contentionzSampleTypes)) {
    p.dropFrames = lockRxStr;
    p.keepFrames = '';
  } else {
    p.dropFrames = cpuProfilerRxStr;
    p.keepFrames = '';
  }
}
