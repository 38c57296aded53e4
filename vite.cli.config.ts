// The CLI's build: src/cli/main.ts as an ES module for Node 20 in dist/cli/
// (bin/tsprof-web.js imports it). It runs after the web app's build, and only
// dist/cli is emptied, so the two outputs live side by side. Packages stay
// external: `npm ci` installs them for the CLI as for the build.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'main.js' },
    },
  },
});
