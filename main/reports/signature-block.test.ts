import { describe, expect, it } from 'vitest';
import type { ReportContext } from './report.js';
import { signatureBlock } from './signature-block.js';

const ctx: ReportContext = {
  agencyName: 'Badan Pendapatan Daerah Kota Palembang',
  kabupaten: 'Palembang',
  headName: 'Ir. Budi Santoso',
  headNip: '197001011995031001',
  treasurerName: '',
  treasurerNip: '',
  timeZone: 'Asia/Jakarta',
  now: new Date('2026-11-23T07:00:00Z'),
  today: '2026-11-23',
};

describe('signatureBlock', () => {
  it('puts the head on the left under "Mengetahui," and the treasurer on the right under the place and date', () => {
    const lines = signatureBlock(ctx);
    expect(lines[0]).toEqual({ left: { text: 'Mengetahui,' }, right: { text: 'Palembang, 23 November 2026' } });
    expect(lines[1]).toEqual({ left: { text: 'Kepala Badan Pendapatan Daerah Kota Palembang' }, right: { text: 'Bendahara Penerimaan' } });
    expect(lines.at(-2)?.left).toEqual({ text: 'Ir. Budi Santoso', bold: true, underline: true });
    expect(lines.at(-1)?.left).toEqual({ text: 'NIP. 197001011995031001' });
  });

  it('leaves room to sign by hand between the office and the name', () => {
    const blank = signatureBlock(ctx).filter((l) => l.left === null && l.right === null);
    expect(blank.length).toBeGreaterThanOrEqual(3);
  });

  it('prints dotted lines to fill in where a name or NIP is not set yet', () => {
    const lines = signatureBlock(ctx);
    expect(lines.at(-2)?.right?.text).toMatch(/^\(\.+\)$/);
    expect(lines.at(-1)?.right?.text).toMatch(/^NIP\. \.+$/);
  });
});
