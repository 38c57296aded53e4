// Temporary (removed after use): the repo's Playwright config serving a private build.
import base from './playwright.config';
const port = process.env.TSPROF_E2E_PORT;
export default {
  ...base,
  webServer: { ...base.webServer, command: `npx vite preview --outDir /tmp/tsprof-b2-dist --host 127.0.0.1 --port ${port} --strictPort` },
};
