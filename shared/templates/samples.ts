import type { MessageData } from './values.js';

/**
 * What the editor previews when no real taxpayer is picked: a typical reminder (one
 * restaurant, one month) and a realistic worst case (a long company name, overdue bills of two
 * objects with penalties, the agency's full name and long payment instructions). The checks
 * measure the WhatsApp limit against the worst case. Three or more bills with values this long
 * fill 1024 characters with the bill list alone, whatever the template, so a message for them
 * has to be measured, and split, when it is built.
 */
export const SAMPLE_MESSAGE: MessageData = {
  taxpayer: { name: 'H. Ahmad Fauzi', npwpd: 'P.2.0100001.16.02' },
  bills: [
    {
      taxTypeLabel: 'PBJT Makanan dan/atau Minuman',
      nop: '16.02.010.001.001-0012.0',
      objectName: 'RM Pindang Meranjat',
      masaPajak: '2026-08',
      principal: 1_250_000,
      penalty: 0,
      dueDate: '2026-09-10',
      kodeBayar: '1602260800012',
      nomorVa: '9881602260800012',
    },
  ],
  agency: {
    name: 'BPPD Kabupaten Ogan Komering Ilir',
    contact: '(0712) 321456',
    howToPay: 'teller, ATM atau m-banking Bank Sumsel Babel, e-wallet, atau kantor BPPD',
  },
  today: '2026-08-27',
};

export const LONG_SAMPLE_MESSAGE: MessageData = {
  taxpayer: { name: 'PT Sriwijaya Kuliner Nusantara Sejahtera Abadi qq. Hj. Nurhasanah Rahman', npwpd: 'P.2.0100123.16.02' },
  bills: [
    {
      taxTypeLabel: 'PBJT Makanan dan/atau Minuman',
      nop: '16.02.010.001.001-0123.0',
      objectName: 'Rumah Makan Pindang Meranjat Sriwijaya Cabang Kayuagung',
      masaPajak: '2026-05',
      principal: 18_750_000,
      penalty: 562_500,
      dueDate: '2026-06-10',
      kodeBayar: '1602260500123',
      nomorVa: '9881602260500123',
    },
    {
      taxTypeLabel: 'PBJT Jasa Perhotelan',
      nop: '16.02.010.001.002-0045.0',
      objectName: 'Hotel Sriwijaya Kayuagung Syariah',
      masaPajak: '2026-05',
      principal: 124_500_000,
      penalty: 3_735_000,
      dueDate: '2026-06-10',
      kodeBayar: '1602260500456',
      nomorVa: '9881602260500456',
    },
  ],
  agency: {
    name: 'Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir',
    contact: 'telp. (0712) 321456, WhatsApp 0811-7890-1602',
    howToPay: 'teller, ATM atau m-banking Bank Sumsel Babel (menu Pajak Daerah), e-wallet, atau loket kantor BPPD Kabupaten OKI',
  },
  today: '2026-09-08',
};
