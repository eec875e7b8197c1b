import { describe, expect, it } from 'vitest';
import { REQUIRED_GROUPS, type Field } from './fields.js';
import { detectMapping, fieldColumns, headerKey, normaliseHeader } from './mapping.js';

const fieldOf = (header: string) => detectMapping([header]).columns[0]?.field;

describe('detectMapping', () => {
  it.each([
    ['NPWPD', 'npwpd'], ['No NPWPD', 'npwpd'], ['NPWPD/NPWRD', 'npwpd'],
    ['NOP', 'nop'], ['Nomor Objek Pajak', 'nop'],
    ['Nama WP', 'nama_wp'], ['Nama Wajib Pajak', 'nama_wp'],
    ['Nama Usaha', 'nama_objek'], ['Nama Objek Pajak', 'nama_objek'],
    ['Alamat', 'alamat'],
    ['Kecamatan', 'kecamatan'], ['Kec.', 'kecamatan'],
    ['Kelurahan', 'kelurahan'],
    ['Jenis Pajak', 'jenis_pajak'], ['Pajak', 'jenis_pajak'],
    ['Masa Pajak', 'masa_pajak'], ['Masa', 'masa_pajak'],
    ['Tahun', 'tahun'], ['Tahun Pajak', 'tahun'],
    ['Kode Bayar', 'kode_bayar'], ['No Ketetapan', 'kode_bayar'], ['No SKPD', 'kode_bayar'], ['No. SKPD', 'kode_bayar'],
    ['Pokok', 'pokok'], ['Pokok Pajak', 'pokok'], ['Ketetapan', 'pokok'], ['Pajak Ketetapan', 'pokok'], ['Pokok Pajak (Rp)', 'pokok'],
    ['Kohir', 'kohir'], ['No Kohir', 'kohir'], ['SKPD Kohir', 'kohir'],
    ['Tgl Penetapan', 'tgl_penetapan'], ['SKPD Tanggal', 'tgl_penetapan'],
    ['Rekening', 'rekening'],
    ['Nama / Alamat', 'nama_alamat'],
    ['Denda', 'denda'],
    ['Jatuh Tempo', 'jatuh_tempo'], ['Tgl Jatuh Tempo', 'jatuh_tempo'],
    ['Tgl Bayar', 'tgl_bayar'],
    ['Status', 'status'], ['Status Bayar', 'status'],
    ['No HP', 'no_hp'], ['Nomor HP', 'no_hp'], ['No. HP/WA', 'no_hp'], ['Telepon', 'no_hp'],
    ['Email', 'email'], ['E-mail', 'email'],
  ])('recognises the header %j as %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it.each([['KODE BAYAR'], ['kode bayar'], ['  Kode   Bayar '], ['Kode\nBayar'], ['Kode_Bayar'], ['KODE-BAYAR:']])('recognises %j in any case and spacing', (header) => {
    expect(fieldOf(header)).toBe('kode_bayar');
  });

  it('marks the running number and remarks as ignored, anything else as unknown', () => {
    expect(fieldOf('No')).toBe('ignore');
    expect(fieldOf('No.')).toBe('ignore');
    expect(fieldOf('Keterangan')).toBe('ignore');
    expect(fieldOf('Petugas')).toBe('unknown');
  });

  it('gives each column its letter and header text as in the file', () => {
    const mapping = detectMapping(['No', 'Kode Bayar', null, 'Pokok Pajak (Rp)']);
    expect(mapping.columns).toEqual([
      { index: 0, letter: 'A', header: 'No', field: 'ignore', source: 'detected' },
      { index: 1, letter: 'B', header: 'Kode Bayar', field: 'kode_bayar', source: 'detected' },
      { index: 3, letter: 'D', header: 'Pokok Pajak (Rp)', field: 'pokok', source: 'detected' },
    ]);
  });

  it('names the required columns a header lacks', () => {
    expect(detectMapping(['Kode Bayar', 'NPWPD', 'Pokok']).missingRequired).toEqual([{ id: 'Jatuh Tempo', en: 'Due date (Jatuh Tempo)' }]);
    expect(detectMapping(['Alamat']).missingRequired.map((m) => m.id)).toEqual(REQUIRED_GROUPS.map((g) => g.id));
  });

  it('accepts a name instead of an NPWPD, or a combined Nama / Alamat column', () => {
    expect(detectMapping(['Kode Bayar', 'Nama WP', 'Pokok', 'Jatuh Tempo']).missingRequired).toEqual([]);
    expect(detectMapping(['Kode Bayar', 'Nama / Alamat', 'Pokok', 'Jatuh Tempo']).missingRequired).toEqual([]);
  });

  it('flags two columns claiming one field and uses the first', () => {
    const mapping = detectMapping(['Kode Bayar', 'Tgl Penetapan', 'SKPD Tanggal', 'Pokok']);
    expect(mapping.ambiguous).toEqual([{ field: 'tgl_penetapan', columns: [1, 2] }]);
    expect(fieldColumns(mapping).tgl_penetapan).toEqual({ index: 1, header: 'Tgl Penetapan', letter: 'B' });
  });

  it('lets the officer map a column by index or by header text, over detection', () => {
    const mapping = detectMapping(['Kode Bayar', 'Petugas', 'Nilai', 'Batas'], {
      overrides: { byIndex: { 1: 'ignore', 3: 'jatuh_tempo' }, byHeader: { ' NILAI ': 'pokok', 'kode bayar': 'kohir' } },
    });
    expect(mapping.columns.map((c) => [c.field, c.source])).toEqual([
      ['kohir', 'user'],
      ['ignore', 'user'],
      ['pokok', 'user'],
      ['jatuh_tempo', 'user'],
    ]);
    expect(mapping.source).toBe('user');
  });

  it('maps a column beyond the header when the officer says so', () => {
    const mapping = detectMapping(['Kode Bayar'], { overrides: { byIndex: { 2: 'pokok' } } });
    expect(mapping.columns[1]).toEqual({ index: 2, letter: 'C', header: '', field: 'pokok', source: 'user' });
  });

  it('reuses a saved profile silently for the same header row, however it is spaced', () => {
    const saved = { headerKey: headerKey(['Kode Bayar', 'Nilai SKPD', 'Batas Bayar']), columns: ['kode_bayar', 'pokok', 'jatuh_tempo'] as Field[] };
    const mapping = detectMapping(['KODE  BAYAR', 'nilai skpd', 'Batas Bayar'], { profiles: [saved] });
    expect(mapping.source).toBe('profile');
    expect(mapping.columns.map((c) => c.field)).toEqual(['kode_bayar', 'pokok', 'jatuh_tempo']);
    expect(detectMapping(['Kode Bayar', 'Nilai', 'Batas Bayar'], { profiles: [saved] }).source).toBe('detected');
  });
});

describe('headerKey', () => {
  it('is the normalised header texts, without trailing empty cells', () => {
    expect(headerKey(['No.', 'Kode Bayar', 'Pokok (Rp)', null, ''])).toBe('no|kode bayar|pokok');
    expect(headerKey(['NO', ' kode  bayar ', 'POKOK'])).toBe(headerKey(['No.', 'Kode Bayar', 'Pokok (Rp)']));
  });
});

describe('normaliseHeader', () => {
  it('drops case, accents, punctuation and Rupiah units', () => {
    expect(normaliseHeader('No. HP/WA')).toBe('no hp wa');
    expect(normaliseHeader('Pokok (Rp.)')).toBe('pokok');
    expect(normaliseHeader('Tgl. Jatuh Tempo')).toBe('tgl jatuh tempo');
    expect(normaliseHeader('Kécamatan')).toBe('kecamatan');
  });
});
