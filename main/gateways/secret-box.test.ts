import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSecrets, sealSecrets } from '../platform/secret-box.js';

describe('secret box', () => {
  it('round-trips secrets, keeps the key owner-only and the sealed text free of the secret', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-secret-'));
    const sealed = sealSecrets(dir, { accessToken: 'EAAG-very-secret' });
    expect(sealed).not.toContain('very-secret');
    expect(openSecrets(dir, sealed)).toEqual({ accessToken: 'EAAG-very-secret' });
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-secret-'));
    expect(() => openSecrets(other, sealed)).toThrow();
  });
});
