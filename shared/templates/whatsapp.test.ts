import { describe, expect, it } from 'vitest';
import { SAMPLE_MESSAGE } from './samples.js';
import { templateValues, type BillData } from './values.js';
import { isValidMetaName, metaBodyViolations, metaParameterValues, renderWhatsAppText, toMetaTemplate } from './whatsapp.js';

describe('toMetaTemplate', () => {
  it('numbers the placeholders in order of appearance, a repeated one again', () => {
    expect(toMetaTemplate('Yth. {nama_wp}, total {total} jatuh tempo {jatuh_tempo}. Sekali lagi, {nama_wp}: {total}.')).toEqual({
      text: 'Yth. {{1}}, total {{2}} jatuh tempo {{3}}. Sekali lagi, {{4}}: {{5}}.',
      parameters: ['nama_wp', 'total', 'jatuh_tempo', 'nama_wp', 'total'],
    });
  });

  it('leaves what is not a known placeholder as text and does not number it', () => {
    expect(toMetaTemplate('Halo {nama}, {npwpd}.')).toEqual({ text: 'Halo {nama}, {{1}}.', parameters: ['npwpd'] });
  });
});

describe('metaParameterValues', () => {
  const bill = SAMPLE_MESSAGE.bills[0] as BillData;
  const values = templateValues({ ...SAMPLE_MESSAGE, bills: [bill, { ...bill, masaPajak: '2026-09', dueDate: '2026-10-10', kodeBayar: '1602260900012' }] });

  it('gives the values in the order of the numbers', () => {
    expect(metaParameterValues('Yth. {nama_wp}, total {total}. {nama_wp}', values)).toEqual(['H. Ahmad Fauzi', 'Rp 2.500.000', 'H. Ahmad Fauzi']);
  });

  it('puts the bill list on one line', () => {
    const [list] = metaParameterValues('Rincian: {daftar_tagihan}.', values);
    expect(list).toBe(
      '1. PBJT Makanan dan/atau Minuman 08/2026, NOP 16.02.010.001.001-0012.0, Rp 1.250.000, jatuh tempo 10 September 2026, kode bayar 1602260800012; ' +
        '2. PBJT Makanan dan/atau Minuman 09/2026, NOP 16.02.010.001.001-0012.0, Rp 1.250.000, jatuh tempo 10 Oktober 2026, kode bayar 1602260900012',
    );
  });

  it('removes line breaks, tabs and runs of spaces Meta refuses, and never sends an empty value', () => {
    const messy = { ...values, cara_bayar: 'Bank Sumsel Babel:\n- teller\t- ATM      - m-banking', kontak_instansi: '  ' };
    expect(metaParameterValues('Cara bayar: {cara_bayar}. Info {kontak_instansi}.', messy)).toEqual(['Bank Sumsel Babel: - teller - ATM - m-banking', '-']);
  });

  it('renders the text the recipient reads with the same values', () => {
    expect(renderWhatsAppText('Rincian: {daftar_tagihan}.', values)).toBe(`Rincian: ${metaParameterValues('{daftar_tagihan}', values)[0]}.`);
  });
});

describe('isValidMetaName', () => {
  it('accepts lower-case letters, digits and underscores up to 512', () => {
    expect(isValidMetaName('pengingat_pajak_h14')).toBe(true);
    expect(isValidMetaName('a'.repeat(512))).toBe(true);
  });

  it('refuses anything else', () => {
    for (const name of ['', 'Pengingat_pajak', 'pengingat-pajak', 'pengingat pajak', 'pengingat_pajak_h+1', 'a'.repeat(513)]) expect(isValidMetaName(name)).toBe(false);
  });
});

describe('metaBodyViolations', () => {
  it('finds a variable at the start or the end, ignoring surrounding whitespace', () => {
    expect(metaBodyViolations('{nama_wp}, tagihan Anda {total}')).toEqual([
      { rule: 'variable_at_edge', placeholder: 'nama_wp', start: 0, end: 9 },
      { rule: 'variable_at_edge', placeholder: 'total', start: 24, end: 31 },
    ]);
    expect(metaBodyViolations('\n  {nama_wp} halo')).toEqual([{ rule: 'variable_at_edge', placeholder: 'nama_wp', start: 3, end: 12 }]);
    expect(metaBodyViolations('{nama_wp}')).toEqual([{ rule: 'variable_at_edge', placeholder: 'nama_wp', start: 0, end: 9 }]);
  });

  it('accepts a variable followed by text, even a full stop', () => {
    expect(metaBodyViolations('Yth. {nama_wp}.')).toEqual([]);
  });

  it('finds variables with only whitespace between them', () => {
    expect(metaBodyViolations('Yth. {nama_wp} {npwpd} dan {nop}{total} ya')).toEqual([
      { rule: 'variables_adjacent', placeholder: 'npwpd', start: 5, end: 22 },
      { rule: 'variables_adjacent', placeholder: 'total', start: 27, end: 39 },
    ]);
  });
});
