import { describe, expect, it } from 'vitest';
import { displayName } from './names.js';

describe('displayName', () => {
  it.each([
    ['BUDI SANTOSO', 'Budi Santoso'],
    ['budi santoso', 'Budi Santoso'],
    ['  budi   santoso ', 'Budi Santoso'],
    ['RM. PADANG SEDERHANA', 'RM. Padang Sederhana'],
    ['rm padang sederhana', 'RM Padang Sederhana'],
    ['CV. MAJU JAYA', 'CV. Maju Jaya'],
    ['cv. maju jaya', 'CV. Maju Jaya'],
    ['PT SRIWIJAYA INN', 'PT Sriwijaya Inn'],
    ['UD. SUMBER REZEKI', 'UD. Sumber Rezeki'],
    ['H. AHMAD DAHLAN', 'H. Ahmad Dahlan'],
    ['hj. siti rohani', 'Hj. Siti Rohani'],
    ['IR. JOKO', 'Ir. Joko'],
    ['DR. RINA', 'Dr. Rina'],
    ['SITI AMINAH, S.E.', 'Siti Aminah, S.E.'],
    ['AHMAD, SE', 'Ahmad, SE'],
    ['PT PLN (PERSERO)', 'PT PLN (PERSERO)'],
    ['SPBU 24.306.01', 'SPBU 24.306.01'],
    ['TOKO BANGUNAN SINAR-JAYA', 'Toko Bangunan Sinar-Jaya'],
    ["WARUNG JUM'AT BERKAH", "Warung Jum'at Berkah"],
    ['RENÉ SIREGAR', 'René Siregar'],
    ['PDAM TIRTA OKI', 'PDAM Tirta OKI'],
    ['HOTEL BUNGA II', 'Hotel Bunga II'],
    ['A. RAHMAN', 'A. Rahman'],
  ])('writes %j as %j', (input, expected) => {
    expect(displayName(input)).toBe(expected);
  });

  it('keeps a name typed in mixed case as the taxpayer spelled it', () => {
    expect(displayName('Rumah Makan Pindang Pegagan')).toBe('Rumah Makan Pindang Pegagan');
    expect(displayName('McDonald Kayuagung')).toBe('McDonald Kayuagung');
    expect(displayName('Toko eMas  Jaya')).toBe('Toko eMas Jaya');
  });

  it.each([null, undefined, '', '   '])('gives no name for %j', (input) => {
    expect(displayName(input)).toBeNull();
  });

  it('leaves names without letters alone', () => {
    expect(displayName('123')).toBe('123');
  });
});
