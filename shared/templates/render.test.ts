import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_NAMES, type TemplateValues } from './placeholders.js';
import { renderTemplate } from './render.js';
import { templateValues } from './values.js';
import { SAMPLE_MESSAGE } from './samples.js';

describe('renderTemplate', () => {
  it('fills every placeholder of the catalogue', () => {
    const values = Object.fromEntries(PLACEHOLDER_NAMES.map((name) => [name, `<${name.toUpperCase()}>`])) as TemplateValues;
    const body = PLACEHOLDER_NAMES.map((name) => `${name}={${name}}`).join('\n');
    expect(renderTemplate(body, values)).toBe(PLACEHOLDER_NAMES.map((name) => `${name}=<${name.toUpperCase()}>`).join('\n'));
  });

  it('renders a reminder with the sample taxpayer in Indonesian formats', () => {
    const body =
      'Yth. Bapak/Ibu {nama_wp} ({npwpd}), {jenis_pajak} {objek_pajak} NOP {nop} masa pajak {masa_pajak}: pokok {jumlah_tagihan}, denda {denda}, total {total}, ' +
      'jatuh tempo {jatuh_tempo} ({hari_lagi} hari lagi). Kode bayar {kode_bayar}, VA {nomor_va}. Cara bayar: {cara_bayar}.\n{daftar_tagihan}\n{nama_instansi}, {kontak_instansi}';
    expect(renderTemplate(body, templateValues(SAMPLE_MESSAGE))).toBe(
      'Yth. Bapak/Ibu H. Ahmad Fauzi (P.2.0100001.16.02), PBJT Makanan dan/atau Minuman RM Pindang Meranjat NOP 16.02.010.001.001-0012.0 masa pajak Agustus 2026: ' +
        'pokok Rp 1.250.000, denda Rp 0, total Rp 1.250.000, jatuh tempo 10 September 2026 (14 hari lagi). Kode bayar 1602260800012, VA 9881602260800012. ' +
        'Cara bayar: teller, ATM atau m-banking Bank Sumsel Babel, e-wallet, atau kantor BPPD.\n' +
        '1. PBJT Makanan dan/atau Minuman 08/2026, NOP 16.02.010.001.001-0012.0, Rp 1.250.000, jatuh tempo 10 September 2026, kode bayar 1602260800012\n' +
        'BPPD Kabupaten Ogan Komering Ilir, (0712) 321456',
    );
  });

  it('leaves unknown and malformed placeholders as typed', () => {
    const values = templateValues(SAMPLE_MESSAGE);
    expect(renderTemplate('{nama} {Nama_WP} {nama_wp {{1}} {} total}', values)).toBe('{nama} {Nama_WP} {nama_wp {{1}} {} total}');
  });
});
