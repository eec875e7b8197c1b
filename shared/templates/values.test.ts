import { describe, expect, it } from 'vitest';
import { billList, formatMasaPajak, oneLineBillList, templateValues, type BillData, type MessageData } from './values.js';

const restaurantAugust: BillData = {
  taxTypeLabel: 'PBJT Makanan dan/atau Minuman',
  nop: '16.71.010.001.001-0012.0',
  objectName: 'RM Pindang Meranjat',
  masaPajak: '2026-08',
  principal: 1_250_000,
  penalty: 0,
  dueDate: '2026-08-31',
  kodeBayar: '1671260800012',
  nomorVa: '9881671260800012',
};
const restaurantJuly: BillData = { ...restaurantAugust, masaPajak: '2026-07', principal: 1_100_000, penalty: 11_000, dueDate: '2026-08-10', kodeBayar: '1671260700012', nomorVa: '9881671260700012' };
const hotelJune: BillData = {
  taxTypeLabel: 'PBJT Jasa Perhotelan',
  nop: null,
  objectName: 'Hotel Sriwijaya',
  masaPajak: '2026-06',
  principal: 24_500_000,
  penalty: 245_000,
  dueDate: '2026-07-10',
  kodeBayar: '1671260600045',
  nomorVa: null,
};

function message(bills: BillData[], today = '2026-08-17'): MessageData {
  return {
    taxpayer: { name: 'H. Ahmad Fauzi', npwpd: 'P.2.0100001.16.02' },
    bills,
    agency: { name: 'BPPD Kabupaten Ogan Komering Ilir', contact: '(0712) 321456', howToPay: 'teller, ATM atau m-banking Bank Sumsel Babel' },
    today,
  };
}

describe('templateValues for one bill', () => {
  it('writes money, dates and the tax period the Indonesian way', () => {
    expect(templateValues(message([restaurantAugust]))).toEqual({
      nama_wp: 'H. Ahmad Fauzi',
      npwpd: 'P.2.0100001.16.02',
      jenis_pajak: 'PBJT Makanan dan/atau Minuman',
      nop: '16.71.010.001.001-0012.0',
      objek_pajak: 'RM Pindang Meranjat',
      masa_pajak: 'Agustus 2026',
      jumlah_tagihan: 'Rp 1.250.000',
      denda: 'Rp 0',
      total: 'Rp 1.250.000',
      jatuh_tempo: '31 Agustus 2026',
      hari_lagi: '14',
      kode_bayar: '1671260800012',
      nomor_va: '9881671260800012',
      cara_bayar: 'teller, ATM atau m-banking Bank Sumsel Babel',
      daftar_tagihan: '1. PBJT Makanan dan/atau Minuman 08/2026, NOP 16.71.010.001.001-0012.0, Rp 1.250.000, jatuh tempo 31 Agustus 2026, kode bayar 1671260800012',
      nama_instansi: 'BPPD Kabupaten Ogan Komering Ilir',
      kontak_instansi: '(0712) 321456',
    });
  });

  it('writes dates, periods and the list in English for an English template', () => {
    const values = templateValues(message([{ ...restaurantAugust, penalty: 12_500 }]), 'en');
    expect(values.jatuh_tempo).toBe('31 August 2026');
    expect(values.masa_pajak).toBe('August 2026');
    expect(values.daftar_tagihan).toBe(
      '1. PBJT Makanan dan/atau Minuman 08/2026, NOP 16.71.010.001.001-0012.0, Rp 1.262.500 incl. penalty Rp 12.500, due 31 August 2026, payment code 1671260800012',
    );
  });

  it('counts {hari_lagi} as days left, 0 on the due date, and days overdue after it', () => {
    expect(templateValues(message([restaurantAugust], '2026-08-28')).hari_lagi).toBe('3');
    expect(templateValues(message([restaurantAugust], '2026-08-31')).hari_lagi).toBe('0');
    expect(templateValues(message([restaurantAugust], '2026-09-01')).hari_lagi).toBe('1');
    expect(templateValues(message([restaurantAugust], '2026-09-30')).hari_lagi).toBe('30');
  });

  it('shows - for what the bill does not have, and leaves it out of the list line', () => {
    const bare: BillData = { ...restaurantAugust, nop: null, objectName: null, masaPajak: null, nomorVa: null };
    const values = templateValues(message([bare]));
    expect([values.nop, values.objek_pajak, values.masa_pajak, values.nomor_va]).toEqual(['-', '-', '-', '-']);
    expect(values.daftar_tagihan).toBe('1. PBJT Makanan dan/atau Minuman, Rp 1.250.000, jatuh tempo 31 Agustus 2026, kode bayar 1671260800012');
  });

  it('names the object in the list when the bill has no NOP', () => {
    expect(billList([hotelJune])).toBe('1. PBJT Jasa Perhotelan 06/2026, Hotel Sriwijaya, Rp 24.745.000 termasuk denda Rp 245.000, jatuh tempo 10 Juli 2026, kode bayar 1671260600045');
  });

  it('tidies stray spaces and line breaks from exported cells', () => {
    const values = templateValues({ ...message([{ ...restaurantAugust, objectName: '  RM   Pindang\nMeranjat ' }]), taxpayer: { name: ' H.  Ahmad\tFauzi ', npwpd: '' } });
    expect(values.nama_wp).toBe('H. Ahmad Fauzi');
    expect(values.npwpd).toBe('-');
    expect(values.objek_pajak).toBe('RM Pindang Meranjat');
  });

  it('refuses a message without bills', () => {
    expect(() => templateValues(message([]))).toThrow(/at least one bill/);
  });
});

describe('templateValues for several bills of one taxpayer', () => {
  const values = templateValues(message([restaurantAugust, hotelJune, restaurantJuly]));

  it('lists the distinct descriptions, earliest due first', () => {
    expect(values.jenis_pajak).toBe('PBJT Jasa Perhotelan, PBJT Makanan dan/atau Minuman');
    expect(values.nop).toBe('16.71.010.001.001-0012.0');
    expect(values.objek_pajak).toBe('Hotel Sriwijaya, RM Pindang Meranjat');
    expect(values.masa_pajak).toBe('Juni 2026, Juli 2026, Agustus 2026');
  });

  it('sums the amounts', () => {
    expect(values.jumlah_tagihan).toBe('Rp 26.850.000');
    expect(values.denda).toBe('Rp 256.000');
    expect(values.total).toBe('Rp 27.106.000');
  });

  it('takes the due date, days and payment code of the bill due first', () => {
    expect(values.jatuh_tempo).toBe('10 Juli 2026');
    expect(values.hari_lagi).toBe('38');
    expect(values.kode_bayar).toBe('1671260600045');
    expect(values.nomor_va).toBe('-');
  });

  it('lists every bill on its own numbered line with its own code', () => {
    expect(values.daftar_tagihan.split('\n')).toEqual([
      '1. PBJT Jasa Perhotelan 06/2026, Hotel Sriwijaya, Rp 24.745.000 termasuk denda Rp 245.000, jatuh tempo 10 Juli 2026, kode bayar 1671260600045',
      '2. PBJT Makanan dan/atau Minuman 07/2026, NOP 16.71.010.001.001-0012.0, Rp 1.111.000 termasuk denda Rp 11.000, jatuh tempo 10 Agustus 2026, kode bayar 1671260700012',
      '3. PBJT Makanan dan/atau Minuman 08/2026, NOP 16.71.010.001.001-0012.0, Rp 1.250.000, jatuh tempo 31 Agustus 2026, kode bayar 1671260800012',
    ]);
  });

  it('keeps the given order of bills due the same day', () => {
    const sameDay = templateValues(message([{ ...restaurantAugust, kodeBayar: 'B' }, { ...restaurantAugust, kodeBayar: 'A' }]));
    expect(sameDay.kode_bayar).toBe('B');
    expect(sameDay.daftar_tagihan).toMatch(/^1\. .*kode bayar B\n2\. .*kode bayar A$/);
  });

  it('has a one-line list for WhatsApp, bills separated by "; "', () => {
    const oneLine = oneLineBillList(values.daftar_tagihan);
    expect(oneLine).not.toMatch(/[\n\t]| {2,}/);
    expect(oneLine).toBe(values.daftar_tagihan.split('\n').join('; '));
    expect(oneLine).toMatch(/^1\. PBJT Jasa Perhotelan .*kode bayar 1671260600045; 2\. PBJT Makanan/);
  });
});

describe('formatMasaPajak', () => {
  it('writes a month in words and leaves a year or free text as written', () => {
    expect(formatMasaPajak('2026-08', 'id')).toBe('Agustus 2026');
    expect(formatMasaPajak('2026-01', 'en')).toBe('January 2026');
    expect(formatMasaPajak('2026', 'id')).toBe('2026');
    expect(formatMasaPajak('Agustus 2026', 'id')).toBe('Agustus 2026');
    expect(formatMasaPajak('2026-13', 'id')).toBe('2026-13');
  });
});
