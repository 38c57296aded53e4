// Unit tests only: Playwright's e2e/ and the benchmarks in bench/ are not vitest's.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'bench/**', 'node_modules/**', 'dist/**'],
  },
});
