// The ProfileError thrown by fn; fails the test when fn throws anything else or nothing.
import { expect } from 'vitest';
import { ProfileError } from '../src/core/profile/errors';

export function errorOf(fn: () => unknown): ProfileError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError, nothing was thrown');
}
