// The bench folder's own tests (the generator and its writer). The main
// vitest.config.ts leaves bench/ out; run these with
//   npx vitest run -c bench/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
