// The web app's build. The CLI has its own config (vite.cli.config.ts) and builds
// second into dist/cli, so emptying dist/ here is safe.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs: the build works from any static host, at any sub-path,
  // and under the CLI's /ui/ paths.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // Without this the dev server discovers the worker's dependencies late and
  // reloads the page, losing a file just dropped.
  optimizeDeps: { include: ['protobufjs', 'pako', '@hpcc-js/wasm-graphviz', 'comlink'] },
  build: { outDir: 'dist', emptyOutDir: true },
});
