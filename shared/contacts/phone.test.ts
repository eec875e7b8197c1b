import { describe, expect, it } from 'vitest';
import { MAX_CELL_LENGTH, formatPhone, normalisePhoneCell, type InvalidReason } from './phone.js';

const BUDI = '+6281234567890'; // 0812-3456-7890, Telkomsel
const SITI = '+6281311112222'; // 0813-1111-2222, Telkomsel
const KANTOR = '+62711352000'; // (0711) 352000, Palembang

/** [cell, primary]: one mobile number, however it was written. */
const oneMobile: [string, string][] = [
  ['081234567890', BUDI],
  ['0812-3456-7890', BUDI],
  ['0812 3456 7890', BUDI],
  ['0812.3456.7890', BUDI],
  ['0812/3456/7890', BUDI],
  ['0812 - 3456 - 7890', BUDI],
  ['081 234 567 890', BUDI],
  ['+6281234567890', BUDI],
  ['+62 812-3456-7890', BUDI],
  ['+62-812-3456-7890', BUDI],
  ['6281234567890', BUDI],
  ['62 812 3456 7890', BUDI],
  ['62-812-3456-7890', BUDI],
  ['(+62)81234567890', BUDI],
  ['(+62) 812 3456 7890', BUDI],
  ['+62 0812 3456 7890', BUDI],
  ['+62 (0)812-3456-7890', BUDI],
  ['0062 812 3456 7890', BUDI],
  // a number cell that lost its leading zero
  ['81234567890', BUDI],
  ['8123 4567 890', BUDI],
  ['8123456789', '+628123456789'],
  // stray whitespace
  ['  0812 3456 7890  ', BUDI],
  ['0812\u00a03456\u00a07890', BUDI],
  ['\t081234567890\t', BUDI],
  ['\u200b081234567890\ufeff', BUDI],
  ['0812-3456-7890.', BUDI],
  // labels
  ['HP: 0812-3456-7890', BUDI],
  ['WA: 0812 3456 7890', BUDI],
  ['Telp. 0812-3456-7890', BUDI],
  ['Tlp 081234567890', BUDI],
  ['0812-3456-7890 (WA)', BUDI],
  ['HP0812 3456 7890', BUDI],
  ['No. HP 0812 3456 7890 (Pak Budi)', BUDI],
  // Excel artefacts
  ["'081234567890", BUDI],
  ["'+6281234567890", BUDI],
  ['81234567890.0', BUDI],
  ['8.1234567890E+10', BUDI],
  ['8,1234567890E+10', BUDI],
  ['6.2812345678900E+12', BUDI],
  // every operator's ranges, as libphonenumber knows them
  ['0811-7890-123', '+628117890123'],
  ['0813 1111 2222', SITI],
  ['0852 6789 0123', '+6285267890123'],
  ['0853-4567-8901', '+6285345678901'],
  ['0814 5678 9012', '+6281456789012'],
  ['0815-6789-0123', '+6281567890123'],
  ['0816 7890 1234', '+6281678901234'],
  ['0855 1234 5678', '+6285512345678'],
  ['0856-1234-5678', '+6285612345678'],
  ['0857 1234 5678', '+6285712345678'],
  ['0858-1234-5678', '+6285812345678'],
  ['0817 1234 5678', '+6281712345678'],
  ['0818-1234-5678', '+6281812345678'],
  ['0819 1234 5678', '+6281912345678'],
  ['0859 1234 5678', '+6285912345678'],
  ['0877-1234-5678', '+6287712345678'],
  ['0878 1234 5678', '+6287812345678'],
  ['0895-1234-5678', '+6289512345678'],
  ['0896 1234 5678', '+6289612345678'],
  ['0897-1234-5678', '+6289712345678'],
  ['0898 1234 5678', '+6289812345678'],
  ['0899-1234-5678', '+6289912345678'],
  ['0881-2345-6789', '+6288123456789'],
  ['0881-2345-67890', '+62881234567890'],
  ['0882 3456 7890', '+6288234567890'],
  ['0887-1234-5678', '+6288712345678'],
  ['0888 1234 5678', '+6288812345678'],
  ['0889 1234 5678', '+6288912345678'],
  ['0831-2345-6789', '+6283123456789'],
  ['0832 3456 7890', '+6283234567890'],
  ['0833 1234 5678', '+6283312345678'],
  ['0838-1234-5678', '+6283812345678'],
  // foreign mobiles, written with their country code
  ['+60 12-345 6789', '+60123456789'],
  ['+65 9123 4567', '+6591234567'],
];

/** [cell, E.164]: one landline; no WhatsApp, so no primary. */
const oneLandline: [string, string][] = [
  ['0712-123456', '+62712123456'],
  ['(0711) 352000', KANTOR],
  ['(0711)352000', KANTOR],
  ['0711.352000', KANTOR],
  ['0711-352000 ext 12', KANTOR],
  ['0711 352000 psw. 12', KANTOR],
  ['Telp. (0711) 352000', KANTOR],
  ['711352000', KANTOR],
  ['021-5081234', '+62215081234'],
  ['(021) 2934 5678', '+622129345678'],
  ['+62 21 2934 5678', '+622129345678'],
  ['0274-512345', '+62274512345'],
  ['0361 234567', '+62361234567'],
  ['+44 20 7946 0958', '+442079460958'],
];

const placeholders: (string | null | undefined)[] = [
  null,
  undefined,
  '',
  '   ',
  '\u00a0\t',
  '-',
  '--',
  '.',
  '0',
  '00',
  '000000',
  'Tidak Ada',
  'tidak ada',
  'TIDAK ADA',
  'Tidak ada.',
  'tdk ada',
  'Belum ada',
  'kosong',
  'N/A',
  'null',
  '-/-',
  'HP: -',
  'Tidak Ada / -',
  '0 / -',
];

/** [cell, primary, alternates]: two or more numbers in one cell. */
const several: [string, string | null, string[]][] = [
  ['0812-3456-7890 / 0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890/0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890, 0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890; 0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890 dan 0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890 atau 0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890 & 0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890\n0813-1111-2222', BUDI, [SITI]],
  ['0812-3456-7890\r\n0813-1111-2222', BUDI, [SITI]],
  // only whitespace between them: cut where both halves are complete numbers
  ['081234567890 081311112222', BUDI, [SITI]],
  ['0812 3456 7890 0813 1111 2222', BUDI, [SITI]],
  ['+62 812 3456 7890 +62 813 1111 2222', BUDI, [SITI]],
  ['0812 3456 7890 / 813 1111 2222', BUDI, [SITI]],
  ['HP: 0812-3456-7890 WA: 0813-1111-2222', BUDI, [SITI]],
  // landlines come after the mobiles, the primary is the first mobile wherever it stands
  ['0711-352000 / 0812-3456-7890', BUDI, [KANTOR]],
  ['(0711) 352000 0812 3456 7890', BUDI, [KANTOR]],
  ['WA 0812-3456-7890 / Telp. (0711) 352000', BUDI, [KANTOR]],
  ['0812-3456-7890 / 0813-1111-2222 / (0711) 352000', BUDI, [SITI, KANTOR]],
  ['(0711) 352000 / 0813-1111-2222 / 0812-3456-7890', SITI, [BUDI, KANTOR]],
  ['0711-352000 / 0712-123456', null, [KANTOR, '+62712123456']],
  // the same number twice is one number
  ['0812-3456-7890 / 0812 3456 7890', BUDI, []],
  ['081234567890 / +6281234567890', BUDI, []],
  ['081234567890, 081234567890', BUDI, []],
  // a placeholder beside a number
  ['0812-3456-7890 / 0', BUDI, []],
  ['0812-3456-7890 / -', BUDI, []],
  ['Tidak ada (0812 3456 7890)', BUDI, []],
];

/** [cell, reason]: content that is no number to reach anyone on. */
const invalid: [string, InvalidReason][] = [
  ['081234', 'too_short'],
  ['0812-345', 'too_short'],
  ['08123456', 'too_short'],
  ['+62 812', 'too_short'],
  ['628123', 'too_short'],
  ['1234', 'too_short'],
  ['0812345678901234', 'too_long'],
  ['08123456789012', 'too_long'],
  ['62812345678901234', 'too_long'],
  ['0809 8999 9', 'invalid_number'],
  ['00812 3456 7890', 'invalid_number'],
  ['+999 1234 5678', 'invalid_number'],
  ['0800 1234 567', 'not_mobile_or_landline'],
  ['Budi', 'not_a_number'],
  ['0812 3456 789O', 'not_a_number'],
  ['8.1234567891E+9', 'not_a_number'],
  ['6.28123E+12', 'digits_lost'],
  ['8.12346E+10', 'digits_lost'],
  ['0812345 / 0813111', 'too_short'],
  ['x'.repeat(MAX_CELL_LENGTH + 1), 'cell_too_long'],
];

describe('normalisePhoneCell', () => {
  it.each(oneMobile)('reads %j as the mobile %s', (cell, e164) => {
    expect(normalisePhoneCell(cell)).toMatchObject({ status: 'valid', primary: e164, alternates: [], landline: null });
  });

  it.each(oneLandline)('reads %j as the landline %s', (cell, e164) => {
    expect(normalisePhoneCell(cell)).toMatchObject({ status: 'landline', primary: null, alternates: [e164], landline: e164 });
  });

  it.each(placeholders)('reads the placeholder %j as missing', (cell) => {
    expect(normalisePhoneCell(cell)).toEqual({ status: 'missing', primary: null, alternates: [], landline: null, candidates: [] });
  });

  it.each(several)('reads %j as primary %s with alternates %j', (cell, primary, alternates) => {
    expect(normalisePhoneCell(cell)).toMatchObject({ status: primary ? 'valid' : 'landline', primary, alternates });
  });

  it.each(invalid)('reads %j as invalid: %s', (cell, reason) => {
    expect(normalisePhoneCell(cell)).toMatchObject({ status: 'invalid', primary: null, alternates: [], landline: null, reason });
  });

  it('counts at least 60 distinct forms', () => {
    const forms = new Set([...oneMobile, ...oneLandline, ...several, ...invalid].map(([cell]) => cell).concat(placeholders.map(String)));
    expect(forms.size).toBeGreaterThanOrEqual(60);
  });

  it('keeps each piece as written, with its brackets and extension', () => {
    expect(normalisePhoneCell('HP: 0812-3456-7890 / Telp. (0711) 352000 ext 12').candidates).toEqual([
      { text: '0812-3456-7890', e164: BUDI, status: 'valid' },
      { text: '(0711) 352000 ext 12', e164: KANTOR, status: 'landline' },
    ]);
    expect(normalisePhoneCell("'081234567890").candidates).toEqual([{ text: '081234567890', e164: BUDI, status: 'valid' }]);
  });

  it('reports a broken piece beside a good number without spoiling the cell', () => {
    expect(normalisePhoneCell('0812-3456-7890 / 0813-111')).toEqual({
      status: 'valid',
      primary: BUDI,
      alternates: [],
      landline: null,
      candidates: [
        { text: '0812-3456-7890', e164: BUDI, status: 'valid' },
        { text: '0813-111', e164: null, status: 'invalid', reason: 'too_short' },
      ],
    });
  });

  it('gives every broken piece its own reason, the cell the first one', () => {
    expect(normalisePhoneCell('0812345 / 08123456789012')).toMatchObject({
      status: 'invalid',
      reason: 'too_short',
      candidates: [
        { text: '0812345', status: 'invalid', reason: 'too_short' },
        { text: '08123456789012', status: 'invalid', reason: 'too_long' },
      ],
    });
  });

  it('does not parse a cell past the length limit, but does not count the padding', () => {
    const cell = `081234567890 ${'0'.repeat(MAX_CELL_LENGTH)}`;
    expect(normalisePhoneCell(cell)).toEqual({ status: 'invalid', primary: null, alternates: [], landline: null, candidates: [], reason: 'cell_too_long' });
    expect(normalisePhoneCell(`081234567890${' '.repeat(MAX_CELL_LENGTH)}`)).toMatchObject({ status: 'valid', primary: BUDI });
  });

  it('answers repeated cells alike, with objects the caller may change', () => {
    const first = normalisePhoneCell('0812-3456-7890 / 0813-1111-2222');
    first.alternates.push('+620000');
    (first.candidates[0] as { e164: string | null }).e164 = null;
    expect(normalisePhoneCell('0812-3456-7890 / 0813-1111-2222')).toMatchObject({ primary: BUDI, alternates: [SITI], candidates: [{ e164: BUDI }, { e164: SITI }] });
  });
});

describe('formatPhone', () => {
  it.each([
    ['+6281234567890', '+62 812 3456 7890'],
    ['+6288123456789', '+62 881 2345 6789'],
    ['+62711352000', '+62 711 352000'],
    ['+622129345678', '+62 21 29345678'],
    ['+60123456789', '+60 12 345 6789'],
  ])('writes %s as %s', (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatPhone('bukan nomor')).toBe('bukan nomor');
  });
});
