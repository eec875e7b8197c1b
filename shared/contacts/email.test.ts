import { describe, expect, it } from 'vitest';
import { normaliseEmailCell } from './email.js';
import { MAX_CELL_LENGTH } from './phone.js';

/** [cell, email, alternates] */
const valid: [string, string, string[]][] = [
  ['budi@gmail.com', 'budi@gmail.com', []],
  ['BUDI@GMAIL.COM ', 'budi@gmail.com', []],
  ['  Budi.Santoso@Yahoo.co.id', 'budi.santoso@yahoo.co.id', []],
  ['budi_santoso+pajak@kantor.go.id', 'budi_santoso+pajak@kantor.go.id', []],
  ["'budi@gmail.com", 'budi@gmail.com', []],
  ['budi@gmail.com.', 'budi@gmail.com', []],
  ['mailto:budi@gmail.com', 'budi@gmail.com', []],
  ['Email: budi@gmail.com', 'budi@gmail.com', []],
  ['Budi Santoso <budi@gmail.com>', 'budi@gmail.com', []],
  ['budi@gmail.com\u00a0', 'budi@gmail.com', []],
  ['budi@gmail.com; siti@yahoo.com', 'budi@gmail.com', ['siti@yahoo.com']],
  ['budi@gmail.com, siti@yahoo.com', 'budi@gmail.com', ['siti@yahoo.com']],
  ['budi@gmail.com / siti@yahoo.com', 'budi@gmail.com', ['siti@yahoo.com']],
  ['budi@gmail.com siti@yahoo.com', 'budi@gmail.com', ['siti@yahoo.com']],
  ['budi@gmail.com\nsiti@yahoo.com\ntoko.maju@gmail.com', 'budi@gmail.com', ['siti@yahoo.com', 'toko.maju@gmail.com']],
  ['budi@gmail.com; BUDI@gmail.com', 'budi@gmail.com', []],
  ['budi@gmail / siti@yahoo.com', 'siti@yahoo.com', []],
  ['budi@gmail.com / -', 'budi@gmail.com', []],
];

const missing: (string | null | undefined)[] = [null, undefined, '', '   ', '-', '0', 'N/A', 'tidak ada', 'Tidak Ada', 'kosong', 'Email kosong', 'Email kosong / Tidak Ada', 'e-mail: -'];

const invalid: string[] = [
  'budi@gmail',
  'budi@@gmail.com',
  'budi@gmail..com',
  '@gmail.com',
  'budi@',
  'budi@gmail.c',
  'budi@gmail,com',
  'budi gmail.com',
  'Budi',
  'budi@-gmail.com',
  'x'.repeat(MAX_CELL_LENGTH + 1),
];

describe('normaliseEmailCell', () => {
  it('measures the length limit after trimming', () => {
    expect(normaliseEmailCell(`budi@gmail.com${' '.repeat(MAX_CELL_LENGTH)}`)).toEqual({ status: 'valid', email: 'budi@gmail.com', alternates: [] });
  });

  it.each(valid)('reads %j as %s, alternates %j', (cell, email, alternates) => {
    expect(normaliseEmailCell(cell)).toEqual({ status: 'valid', email, alternates });
  });

  it.each(missing)('reads the placeholder %j as missing', (cell) => {
    expect(normaliseEmailCell(cell)).toEqual({ status: 'missing', email: null, alternates: [] });
  });

  it.each(invalid)('reads %j as invalid', (cell) => {
    expect(normaliseEmailCell(cell)).toEqual({ status: 'invalid', email: null, alternates: [] });
  });
});
