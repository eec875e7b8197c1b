import { describe, expect, it } from 'vitest';
import { smsInfo } from './sms.js';

const a = (n: number) => 'a'.repeat(n);

describe('smsInfo, GSM-7', () => {
  it('fits 160 characters in one message', () => {
    expect(smsInfo(a(160))).toEqual({ encoding: 'GSM-7', characters: 160, parts: 1, perPart: 160, remainingInPart: 0, ucs2Characters: [] });
  });

  it('splits 161 into parts of 153', () => {
    expect(smsInfo(a(161))).toEqual({ encoding: 'GSM-7', characters: 161, parts: 2, perPart: 153, remainingInPart: 145, ucs2Characters: [] });
    expect(smsInfo(a(306))).toMatchObject({ parts: 2, remainingInPart: 0 });
    expect(smsInfo(a(307))).toMatchObject({ parts: 3, remainingInPart: 152 });
  });

  it('counts an extension character as two', () => {
    expect(smsInfo('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', characters: 160, parts: 1 });
    expect(smsInfo('€'.repeat(80) + 'a')).toMatchObject({ characters: 161, parts: 2 });
    expect(smsInfo('^{}\\[~]|€\f')).toMatchObject({ encoding: 'GSM-7', characters: 20 });
  });

  it('does not split an extension character across parts', () => {
    // 152 + 2 + 152 = 306 septets, two parts' worth, but the € cannot start at septet 153.
    expect(smsInfo(`${a(152)}€${a(152)}`)).toMatchObject({ characters: 306, parts: 3, perPart: 153, remainingInPart: 152 });
    expect(smsInfo(`${a(151)}€${a(153)}`)).toMatchObject({ characters: 306, parts: 2, remainingInPart: 0 });
  });

  it('knows é and è are GSM-7 but ç is not (only Ç is)', () => {
    expect(smsInfo('Café è Ç').encoding).toBe('GSM-7');
    expect(smsInfo('Français')).toMatchObject({ encoding: 'UCS-2', ucs2Characters: ['ç'] });
  });

  it('counts an empty message as one message with room for 160', () => {
    expect(smsInfo('')).toEqual({ encoding: 'GSM-7', characters: 0, parts: 1, perPart: 160, remainingInPart: 160, ucs2Characters: [] });
  });
});

describe('smsInfo, UCS-2', () => {
  it('fits 70 units in one message and splits 71 into parts of 67', () => {
    expect(smsInfo(`ç${a(69)}`)).toEqual({ encoding: 'UCS-2', characters: 70, parts: 1, perPart: 70, remainingInPart: 0, ucs2Characters: ['ç'] });
    expect(smsInfo(`ç${a(70)}`)).toMatchObject({ characters: 71, parts: 2, perPart: 67, remainingInPart: 63 });
    expect(smsInfo(`ç${a(133)}`)).toMatchObject({ characters: 134, parts: 2, remainingInPart: 0 });
    expect(smsInfo(`ç${a(134)}`)).toMatchObject({ characters: 135, parts: 3 });
  });

  it('counts an emoji as two units and does not split it across parts', () => {
    expect(smsInfo(`😀${a(68)}`)).toMatchObject({ encoding: 'UCS-2', characters: 70, parts: 1, ucs2Characters: ['😀'] });
    expect(smsInfo(`😀${a(69)}`)).toMatchObject({ characters: 71, parts: 2 });
    expect(smsInfo(`${a(66)}😀${a(66)}`)).toMatchObject({ characters: 134, parts: 3, remainingInPart: 66 });
  });

  it('counts an extension character as one unit', () => {
    expect(smsInfo(`ç${'€'.repeat(69)}`)).toMatchObject({ encoding: 'UCS-2', characters: 70, parts: 1 });
  });

  it('names the characters a reminder commonly picks up, once each, in order', () => {
    expect(smsInfo('Yth. “Bapak” ‘Ibu’ – jatuh tempo — besok… Rp\u00a01.000 ‘lagi’ 🙏').ucs2Characters).toEqual(['“', '”', '‘', '’', '–', '—', '…', '\u00a0', '🙏']);
  });
});
