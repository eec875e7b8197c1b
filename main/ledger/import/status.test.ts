import { describe, expect, it } from 'vitest';
import { parseStatus } from './status.js';

describe('parseStatus', () => {
  it.each(['LUNAS', 'Lunas', 'lunas', ' LUNAS ', 'SUDAH BAYAR', 'Sudah Bayar', 'SUDAH LUNAS', 'SDH BAYAR', 'TERBAYAR', 'DIBAYAR', 'Telah dibayar', 'PAID', 'Y', 'YA', 'LUNAS (BANK SUMSEL BABEL)'])(
    'reads %j as paid',
    (input) => {
      expect(parseStatus(input)).toBe('paid');
    },
  );

  it.each(['BELUM LUNAS', 'Belum Lunas', 'belum lunas', 'BELUM BAYAR', 'Belum Bayar', 'BELUM', 'BLM LUNAS', 'BELUM DIBAYAR', 'TIDAK LUNAS', 'TUNGGAKAN', 'TERHUTANG', 'KURANG BAYAR', 'LUNAS SEBAGIAN', 'UNPAID', 'N', 'T'])(
    'reads %j as unpaid',
    (input) => {
      expect(parseStatus(input)).toBe('unpaid');
    },
  );

  it('reads a TRUE/FALSE cell as paid/unpaid', () => {
    expect(parseStatus(true)).toBe('paid');
    expect(parseStatus(false)).toBe('unpaid');
  });

  it.each(['PROSES', 'BATAL', 'lunasx', '?', '', null, 1, 0, new Date(0)])('does not guess at %j', (input) => {
    expect(parseStatus(input)).toBe('unknown');
  });
});
