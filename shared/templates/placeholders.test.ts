import { describe, expect, it } from 'vitest';
import { KF03_REQUIREMENTS, PAYMENT_REQUIREMENTS, PLACEHOLDER_NAMES, PLACEHOLDERS, isPlaceholderName, placeholdersFor } from './placeholders.js';

describe('PLACEHOLDERS', () => {
  it('names each placeholder once, in lower case', () => {
    expect(new Set(PLACEHOLDER_NAMES).size).toBe(PLACEHOLDERS.length);
    for (const name of PLACEHOLDER_NAMES) expect(name).toMatch(/^[a-z_]+$/);
  });

  it('describes each in both languages', () => {
    for (const p of PLACEHOLDERS) expect(p.id && p.en).toBeTruthy();
  });

  it('meets every requirement with some placeholder, and the bill list meets all but the name and how to pay', () => {
    for (const requirement of [...KF03_REQUIREMENTS, ...PAYMENT_REQUIREMENTS]) expect(placeholdersFor(requirement).length).toBeGreaterThan(0);
    const byList = [...KF03_REQUIREMENTS, ...PAYMENT_REQUIREMENTS].filter((r) => placeholdersFor(r).includes('daftar_tagihan'));
    expect(byList).toEqual(['tax_type', 'object', 'amount', 'due_date', 'payment_code']);
  });

  it('is case-sensitive', () => {
    expect(isPlaceholderName('nama_wp')).toBe(true);
    expect(isPlaceholderName('Nama_WP')).toBe(false);
  });
});
