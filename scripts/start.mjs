// `npm start`: the desktop app when the Electron binary is present (fetched on demand where the
// network allows), otherwise the same backend served to a browser. Builds what is stale first.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = fs.existsSync('dist/renderer/index.html') ? fs.statSync('dist/renderer/index.html').mtimeMs : 0;
if (builtAt < Math.max(newest('renderer'), newest('shared'))) {
  console.error('Membangun antarmuka… / Building the user interface…');
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}

function electronBinary() {
  try {
    const pathFile = path.join(root, 'node_modules/electron/path.txt');
    const binary = path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

let electron = process.env.SIPEKA_NO_ELECTRON ? null : electronBinary();
if (!electron && !process.env.SIPEKA_NO_ELECTRON && fs.existsSync('node_modules/electron/install.js')) {
  console.error('Mencoba mengunduh Electron… / Trying to fetch the Electron binary…');
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 120_000 });
  electron = electronBinary();
}

if (electron) {
  run(process.execPath, ['scripts/build-main.mjs']);
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('Electron tidak tersedia: membuka SI PEKA di peramban. / Electron is not available: serving SI PEKA to a browser.');
  const child = spawn(process.execPath, ['bin/sipeka.mjs', 'serve', '--open'], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
