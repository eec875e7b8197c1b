// Bundles the Electron main process (ESM) and preload (CommonJS, as a sandboxed preload must be)
// into dist/electron. Native and optional modules stay outside the bundle.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };
const external = ['electron', 'better-sqlite3', 'pg-native', 'electron-log', 'exceljs', 'xlsx'];

await build({
  ...common,
  entryPoints: ['main/electron/main.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  external,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
