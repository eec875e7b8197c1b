import { describe, expect, it } from 'vitest';
import { searchTerms } from './message-search.js';

describe('message search terms', () => {
  it('reads a national number with its trunk 0 as the international digits the outbox stores', () => {
    expect(searchTerms('0812-3456 7890')?.digits).toBe('6281234567890');
    expect(searchTerms('+62 812 3456')?.digits).toBe('628123456');
    expect(searchTerms('(0812) 34')?.digits).toBe('6281234');
  });

  it('does not read the digits of an NPWPD or a name as a phone number', () => {
    expect(searchTerms('P.2.0001234.01')).toEqual({ lower: 'p.2.0001234.01', upper: 'P.2.0001234.01', digits: null, numberPrefix: null });
    expect(searchTerms('Warung 45')?.digits).toBeNull();
  });

  it('searches a number typed from its start as a prefix of the stored +62 form, and other digits anywhere in it', () => {
    expect(searchTerms('0812-3456')?.numberPrefix).toBe('+628123456');
    expect(searchTerms('+62 812 3456')?.numberPrefix).toBe('+628123456');
    expect(searchTerms('62812')?.numberPrefix).toBe('+62812');
    expect(searchTerms('(0812) 34')?.numberPrefix).toBe('+6281234');
    expect(searchTerms('3456 7890')).toMatchObject({ digits: '34567890', numberPrefix: null });
  });

  it('ignores fewer than four digits, which would match half the outbox', () => {
    expect(searchTerms('081')?.digits).toBeNull();
    expect(searchTerms('0812')?.digits).toBe('62812');
  });

  it('drops LIKE wildcards and treats a blank box as no search', () => {
    expect(searchTerms(' 50%_ ')).toEqual({ lower: '50', upper: '50', digits: null, numberPrefix: null });
    expect(searchTerms('  ')).toBeNull();
    expect(searchTerms('%')).toBeNull();
    expect(searchTerms(undefined)).toBeNull();
  });
});
