import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate } from './dates.js';

const date = (value: string) => ({ ok: true, value });

describe('parseDate', () => {
  it.each([
    ['31/08/2026', '2026-08-31'],
    ['31-08-2026', '2026-08-31'],
    ['31.08.2026', '2026-08-31'],
    ['1/9/2026', '2026-09-01'],
    ['31/08/26', '2026-08-31'],
    ['31/08/2026 00:00:00', '2026-08-31'],
    ['2026-08-31', '2026-08-31'],
    ['2026/08/31', '2026-08-31'],
    ['2026-08-31 13:45:00', '2026-08-31'],
    ['2026-08-31T00:00:00', '2026-08-31'],
    ['31 Agustus 2026', '2026-08-31'],
    ['31 AGUSTUS 2026', '2026-08-31'],
    ['31 Agu 2026', '2026-08-31'],
    ['31 Agt 2026', '2026-08-31'],
    ['31 Agt. 2026', '2026-08-31'],
    ['31-Agu-2026', '2026-08-31'],
    ['31-Aug-2026', '2026-08-31'],
    ['31-Aug-26', '2026-08-31'],
    ['Senin, 31 Agustus 2026', '2026-08-31'],
    ['August 31, 2026', '2026-08-31'],
    ['  31/08/2026 ', '2026-08-31'],
    ['46265', '2026-08-31'],
    ['20260831', '2026-08-31'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDate(input)).toEqual(date(expected));
  });

  it.each([
    ['1 Januari 2026', '2026-01-01'], ['1 Februari 2026', '2026-02-01'], ['1 Pebruari 2026', '2026-02-01'], ['1 Maret 2026', '2026-03-01'],
    ['1 April 2026', '2026-04-01'], ['1 Mei 2026', '2026-05-01'], ['1 Juni 2026', '2026-06-01'], ['1 Juli 2026', '2026-07-01'],
    ['1 Agustus 2026', '2026-08-01'], ['1 September 2026', '2026-09-01'], ['1 Oktober 2026', '2026-10-01'], ['1 November 2026', '2026-11-01'],
    ['1 Nopember 2026', '2026-11-01'], ['1 Desember 2026', '2026-12-01'], ['1 Jan 2026', '2026-01-01'], ['1 Feb 2026', '2026-02-01'],
    ['1 Mar 2026', '2026-03-01'], ['1 Apr 2026', '2026-04-01'], ['1 Jun 2026', '2026-06-01'], ['1 Jul 2026', '2026-07-01'],
    ['1 Sep 2026', '2026-09-01'], ['1 Sept 2026', '2026-09-01'], ['1 Okt 2026', '2026-10-01'], ['1 Nov 2026', '2026-11-01'],
    ['1 Nop 2026', '2026-11-01'], ['1 Des 2026', '2026-12-01'], ['1 Oct 2026', '2026-10-01'], ['1 Dec 2026', '2026-12-01'],
  ])('knows the Indonesian month in %j', (input, expected) => {
    expect(parseDate(input)).toEqual(date(expected));
  });

  it('reads an Excel date cell as the calendar date the officer sees, in any time zone', () => {
    // ExcelJS and SheetJS both hand over the serial's wall-clock time as UTC fields.
    expect(parseDate(new Date(Date.UTC(2026, 7, 31)))).toEqual(date('2026-08-31'));
    expect(parseDate(new Date(Date.UTC(2026, 7, 31, 23, 59, 59)))).toEqual(date('2026-08-31'));
  });

  it('reads an Excel serial number, dropping the time of day', () => {
    expect(parseDate(46265)).toEqual(date('2026-08-31'));
    expect(parseDate(46265.99)).toEqual(date('2026-08-31'));
    expect(excelSerialToIso(46265)).toBe('2026-08-31');
  });

  it('dates a timestamp with an offset in the agency zone (WIB unless told otherwise)', () => {
    expect(parseDate('2026-08-30T17:00:00Z')).toEqual(date('2026-08-31'));
    expect(parseDate('2026-08-30T16:59:59Z')).toEqual(date('2026-08-30'));
    expect(parseDate('2026-08-30T16:00:00Z', { timeZone: 'Asia/Makassar' })).toEqual(date('2026-08-31'));
    expect(parseDate('2026-08-31T00:30:00+07:00')).toEqual(date('2026-08-31'));
  });

  it.each([null, '', '  ', '-'])('reads the empty cell %j as no date', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, value: null });
  });

  it.each(['31/02/2026', '30/02/2026', '29/02/2026', '32/08/2026', '08/31/2026', '31/13/2026', '2026-02-30', '31 Agustusan 2026', 'besok', 'TBA', '31/08', true, Number.NaN, 0, -5])(
    'refuses the unreadable date %j instead of guessing',
    (input) => {
      expect(parseDate(input)).toEqual({ ok: false, reason: 'UNREADABLE_DATE' });
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(parseDate('29/02/2028')).toEqual(date('2028-02-29'));
    expect(parseDate('29/02/2026').ok).toBe(false);
  });

  it('refuses dates outside 1990–2100 as out of range', () => {
    expect(parseDate('31/12/1989')).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' });
    expect(parseDate('01/01/2101')).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' });
    expect(parseDate(100)).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' });
    expect(parseDate(new Date(Date.UTC(1900, 0, 1)))).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' });
  });

  it('reads two-digit years of the 1990s as 19xx', () => {
    expect(parseDate('31/08/95')).toEqual(date('1995-08-31'));
  });
});
