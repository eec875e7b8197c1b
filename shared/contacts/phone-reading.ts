import { PhoneNumber, getCountryCallingCode, parsePhoneNumberFromString, validatePhoneNumberLength, type PhoneNumberType } from 'libphonenumber-js/core';
// The full metadata, so getType() tells MOBILE from FIXED_LINE. Passed explicitly: the CommonJS
// build of `libphonenumber-js/max` does not bind it into `PhoneNumber`.
import metadata from 'libphonenumber-js/max/metadata';
import type { InvalidReason } from './phone-types.js';

// One string of digits read as a number: Indonesian by default, classified by libphonenumber-js.

const INDONESIA = getCountryCallingCode('ID', metadata);
/** Indonesian numbers are dialled nationally as 0 + the national significant number. */
const TRUNK_PREFIX = '0';
/** E.164 allows 15 digits; with `0062` or a stray trunk prefix a written number may have two more. */
export const MAX_DIGITS = 17;

type Usable = 'valid' | 'landline';
export interface Reading {
  status: Usable | 'invalid';
  e164: string | null;
  /** Filled in when a candidate is reported: finding the reason costs more than finding the number invalid. */
  reason?: InvalidReason;
  /** The Indonesian national significant number tried, for the reason. */
  nsn?: string;
  /** Read as a national number that lost its trunk prefix (`81234567890`): only trusted when it fills a whole run. */
  lostZero: boolean;
}

export function reasonOf(reading: Reading): InvalidReason {
  reading.reason ??= reading.nsn === undefined ? 'invalid_number' : nationalReason(reading.nsn);
  return reading.reason;
}

/**
 * Readings by written digits, so a number repeated across rows is classified once. Bounded by
 * two generations: when the young one fills up it becomes the old one and the old one is dropped
 * (deleting single Map entries from the front instead degrades badly in V8).
 */
const GENERATION_SIZE = 50_000;
let young = new Map<string, Reading>();
let old = new Map<string, Reading>();

export function read(digits: string): Reading {
  let reading = young.get(digits);
  if (reading !== undefined) return reading;
  reading = old.get(digits) ?? interpret(digits);
  if (young.size >= GENERATION_SIZE) {
    old = young;
    young = new Map();
  }
  young.set(digits, reading);
  return reading;
}

function interpret(digits: string): Reading {
  if (digits.startsWith(`+${INDONESIA}`)) return national(afterCountryCode(digits.slice(1 + INDONESIA.length)), false);
  if (digits.startsWith('+')) return international(digits);
  if (digits.startsWith(`00${INDONESIA}`)) return national(afterCountryCode(digits.slice(2 + INDONESIA.length)), false);
  if (digits.startsWith(TRUNK_PREFIX)) return national(digits.slice(TRUNK_PREFIX.length), false);
  if (digits.startsWith(INDONESIA)) {
    // `6281234567890` is far likelier +62 than a Sumatran 062x landline that lost its zero.
    const withCode = national(afterCountryCode(digits.slice(INDONESIA.length)), false);
    if (withCode.status !== 'invalid') return withCode;
    const withoutCode = national(digits, true);
    return withoutCode.status !== 'invalid' ? withoutCode : withCode;
  }
  return national(digits, true);
}

/** `+62 0812…`, `+62 (0)812…`: the trunk prefix written after the country code. */
function afterCountryCode(nsn: string): string {
  return nsn.startsWith(TRUNK_PREFIX) ? nsn.slice(TRUNK_PREFIX.length) : nsn;
}

function national(nsn: string, lostZero: boolean): Reading {
  if (nsn === '') return { status: 'invalid', e164: null, reason: 'too_short', lostZero };
  const e164 = `+${INDONESIA}${nsn}`;
  const status = usability(new PhoneNumber(e164, metadata).getType());
  if (status === 'other') return { status: 'invalid', e164: null, reason: 'not_mobile_or_landline', lostZero };
  if (status) return { status, e164, lostZero };
  return { status: 'invalid', e164: null, nsn, lostZero };
}

function international(digits: string): Reading {
  const number = parsePhoneNumberFromString(digits, metadata);
  const status = number ? usability(number.getType()) : undefined;
  if (number && status && status !== 'other') return { status, e164: number.number, lostZero: false };
  if (status === 'other') return { status: 'invalid', e164: null, reason: 'not_mobile_or_landline', lostZero: false };
  return { status: 'invalid', e164: null, reason: lengthReason(digits) ?? 'invalid_number', lostZero: false };
}

function usability(type: PhoneNumberType | undefined): Usable | 'other' | undefined {
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return 'valid';
  if (type === 'FIXED_LINE') return 'landline';
  return type ? 'other' : undefined;
}

/**
 * Why an Indonesian number is not one: too short when adding digits would make it a mobile or
 * landline, too long when dropping some would; the ranges are libphonenumber's, not ours.
 */
function nationalReason(nsn: string): InvalidReason {
  const known = lengthReason(`+${INDONESIA}${nsn}`);
  if (known) return known;
  const usable = (candidate: string) => usability(new PhoneNumber(`+${INDONESIA}${candidate}`, metadata).getType()) ?? 'other';
  for (let padded = `${nsn}0`; padded.length <= MAX_DIGITS; padded += '0') {
    if (usable(padded) !== 'other') return 'too_short';
  }
  for (let cut = nsn.slice(0, -1); cut !== '' && lengthReason(`+${INDONESIA}${cut}`) === undefined; cut = cut.slice(0, -1)) {
    if (usable(cut) !== 'other') return 'too_long';
  }
  return 'invalid_number';
}

function lengthReason(e164: string): InvalidReason | undefined {
  const verdict = validatePhoneNumberLength(e164, metadata);
  if (verdict === 'TOO_SHORT') return 'too_short';
  if (verdict === 'TOO_LONG') return 'too_long';
  return undefined;
}
