import { describe, expect, it } from 'vitest';
import { cellAddress, cellText, columnLetter, detachString, isBlankRow, trimTrailingEmpty } from './cells.js';

describe('cells', () => {
  it.each([
    [0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD'],
  ])('names column %d %s as Excel does', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('addresses a cell as the officer reads it', () => {
    expect(cellAddress(14, 24)).toBe('O24');
  });

  it('prints dates as calendar dates and booleans as Excel does', () => {
    expect(cellText(new Date(Date.UTC(2026, 7, 31)))).toBe('2026-08-31');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(1250000)).toBe('1250000');
    expect(cellText(null)).toBe('');
  });

  it('drops trailing empty cells and fills holes with null', () => {
    const cells = ['a', , null, 'b', '', null]; // eslint-disable-line no-sparse-arrays
    expect(trimTrailingEmpty(cells as (string | null)[])).toEqual(['a', null, null, 'b']);
    expect(isBlankRow([null, ' ', ''])).toBe(true);
  });

  it('copies a string without changing it', () => {
    const page = `<c><v>${'P.2.0100001.16.02'}</v></c>`.repeat(3);
    expect(detachString(page.slice(6, 23))).toBe('P.2.0100001.16.02');
    expect(detachString('short')).toBe('short');
  });
});
