// Bundles the Electron main process (ESM), the import's worker thread (ESM) and the preload
// (CommonJS, as a sandboxed preload must be) into dist/electron. Native and optional modules stay outside the bundle.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };
const external = ['electron', 'better-sqlite3', 'pg-native', 'electron-log', 'exceljs', 'xlsx'];

const esm = { ...common, format: 'esm', external, banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };
await build({ ...esm, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.mjs' });
// The import's parsing thread: parse-in-worker.ts starts `./import-worker.mjs` beside the bundle.
await build({ ...esm, entryPoints: ['main/ledger/import-worker.ts'], outfile: 'dist/electron/import-worker.mjs' });
// The dashboard's rollup thread: rollup-in-worker.ts starts `./rollup-worker.mjs` beside the bundle.
await build({ ...esm, entryPoints: ['main/dashboard/rollup-worker.ts'], outfile: 'dist/electron/rollup-worker.mjs' });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
