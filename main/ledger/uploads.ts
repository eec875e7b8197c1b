import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/api/import.js';
import { UserError } from '../../shared/errors.js';

/** Uploads older than this are removed when the next one arrives. */
const KEEP_MS = 24 * 60 * 60_000;

export interface StoredUpload {
  uploadId: string;
  file: string;
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * Keeps an uploaded export in the data folder until it is imported: the screen uploads once,
 * then inspects, previews and applies the same bytes.
 */
export function saveUpload(dataDir: string, fileName: string, contentBase64: string, now: Date): StoredUpload {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UserError('UPLOAD_TOO_LARGE', { fileName, size: bytes.length, limit: MAX_UPLOAD_BYTES });
  const root = path.join(dataDir, 'uploads');
  pruneOld(root, now);
  const uploadId = randomUUID();
  const safeName = path.basename(fileName).replace(/[^\w.\- ()]+/g, '_').slice(-120) || 'ekspor';
  const dir = path.join(root, uploadId);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, safeName);
  fs.writeFileSync(file, bytes);
  return { uploadId, file, fileName: path.basename(fileName), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function findUpload(dataDir: string, uploadId: string): StoredUpload {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new UserError('UPLOAD_NOT_FOUND');
  const dir = path.join(dataDir, 'uploads', uploadId);
  const name = fs.existsSync(dir) ? fs.readdirSync(dir)[0] : undefined;
  if (!name) throw new UserError('UPLOAD_NOT_FOUND');
  const file = path.join(dir, name);
  const bytes = fs.readFileSync(file);
  return { uploadId, file, fileName: name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function pruneOld(root: string, now: Date): void {
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root)) {
    const dir = path.join(root, entry);
    if (now.getTime() - fs.statSync(dir).mtimeMs > KEEP_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}
