import { describe, expect, it } from 'vitest';
import { columnIndex, mappingFromLetters, periodOf } from './period';

describe('periodOf', () => {
  it('keeps the day for a daily period and its month for a monthly one', () => {
    expect(periodOf('day', '2026-11-23')).toBe('2026-11-23');
    expect(periodOf('month', '2026-11-23')).toBe('2026-11');
  });
});

describe('columnIndex', () => {
  it('reads spreadsheet letters in any case as zero-based indexes', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex(' e ')).toBe(4);
    expect(columnIndex('Z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('ab')).toBe(27);
  });

  it('refuses digits, blanks and three-letter columns', () => {
    expect(columnIndex('1')).toBeNull();
    expect(columnIndex('')).toBeNull();
    expect(columnIndex('AAA')).toBeNull();
  });
});

describe('mappingFromLetters', () => {
  it('maps each filled field to its column and leaves blank fields out', () => {
    expect(mappingFromLetters({ date: 'A', description: 'b', credit: 'E', debit: ' ' })).toEqual({ mapping: { date: 0, description: 1, credit: 4 } });
  });

  it('names the first entry that is not a column letter', () => {
    expect(mappingFromLetters({ date: 'A', credit: 'kredit' })).toEqual({ invalid: 'kredit' });
  });
});
