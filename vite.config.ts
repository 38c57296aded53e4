// The web app's build. The CLI has its own config (vite.cli.config.ts) and builds
// second into dist/cli, so emptying dist/ here is safe.
import { defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// A page at pprof's /ui/top asks for ./assets/x.js, i.e. /ui/assets/x.js: the
// CLI serves every file at /x and /ui/x, and so do `vite preview` and the dev
// server with this.
function pprofPaths(): Plugin {
  const strip: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url && /^\/ui\/(assets\/|demo\.pb\.gz)/.test(req.url)) req.url = req.url.slice('/ui'.length);
    next();
  };
  return {
    name: 'tsprof-pprof-paths',
    configureServer: (server) => void server.middlewares.use(strip),
    configurePreviewServer: (server) => void server.middlewares.use(strip),
  };
}

export default defineConfig({
  // Relative asset URLs: the build works from any static host, at any sub-path,
  // and under the CLI's /ui/ paths.
  base: './',
  plugins: [react(), pprofPaths()],
  worker: { format: 'es' },
  // Without this the dev server discovers the worker's dependencies late and
  // reloads the page, losing a file just dropped.
  optimizeDeps: { include: ['protobufjs', 'pako', '@hpcc-js/wasm-graphviz', 'comlink'] },
  build: { outDir: 'dist', emptyOutDir: true },
});
