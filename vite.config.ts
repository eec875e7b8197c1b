import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = path.dirname(fileURLToPath(import.meta.url));

/**
 * Builds the React renderer into dist/renderer, which `sipeka serve` and the Electron window
 * load from `/`. The server's CSP is `script-src 'self'`, so index.html carries no inline script.
 */
export default defineConfig({
  root: path.join(repo, 'renderer'),
  plugins: [react()],
  build: {
    outDir: path.join(repo, 'dist/renderer'),
    emptyOutDir: true,
  },
  server: {
    // `vite` during development talks to a backend started with `sipeka serve`.
    proxy: { '/api': 'http://127.0.0.1:8750' },
  },
});
