import type { PhoneCandidate } from './phone-types.js';
import { MAX_DIGITS, read, reasonOf, type Reading } from './phone-reading.js';
import { spanText, type Group } from './phone-tokens.js';

/**
 * The numbers in one run. When the whole run is not one usable number, it is cut where that
 * yields the most usable numbers (`0812 3456 7890 0813 1111 2222` is two); what is left over is
 * reported as invalid pieces.
 */
export function readRun(text: string, run: Group[]): PhoneCandidate[] {
  const whole = run.map((g) => g.digits).join('');
  const oneNumber = run.every((g, k) => k === 0 || !(g.digits.startsWith('+') || g.afterSlash));
  if (oneNumber && whole.length <= MAX_DIGITS + 1) {
    const reading = read(whole);
    if (reading.status !== 'invalid' || run.length === 1) return [candidate(spanText(text, run[0], run[run.length - 1]), reading)];
  }
  const cuts = bestCuts(run);
  if (cuts.usable === 0) return leftovers(text, run);
  const out: PhoneCandidate[] = [];
  let from = 0;
  for (const piece of cuts.pieces) {
    if (piece.from > from) out.push(...leftovers(text, run.slice(from, piece.from)));
    out.push(candidate(spanText(text, run[piece.from], run[piece.to - 1]), piece.reading));
    from = piece.to;
  }
  if (from < run.length) out.push(...leftovers(text, run.slice(from)));
  return out;
}

interface Piece {
  from: number;
  to: number;
  reading: Reading;
}
interface Cuts {
  usable: number;
  /** Slashes inside a number (`0812/3456/7890`): allowed, but a slash more likely separates two numbers. */
  slashesInside: number;
  leftover: number;
  pieces: Piece[];
}

/**
 * Dynamic programme over the cut points: most usable numbers, then fewest slashes inside one,
 * then fewest leftover groups, then fewest numbers. A number that lost its leading zero is only
 * believed where something starts: the run, or after a slash.
 */
function bestCuts(run: Group[]): Cuts {
  const best: Cuts[] = [];
  best[run.length] = { usable: 0, slashesInside: 0, leftover: 0, pieces: [] };
  for (let i = run.length - 1; i >= 0; i -= 1) {
    const skip = best[i + 1] as Cuts;
    let choice: Cuts = { ...skip, leftover: skip.leftover + 1 };
    let digits = '';
    let slashes = 0;
    for (let j = i; j < run.length; j += 1) {
      const group = run[j] as Group;
      if (j > i && group.digits.startsWith('+')) break;
      if (j > i && group.afterSlash) slashes += 1;
      digits += group.digits;
      if (digits.length > MAX_DIGITS + 1) break;
      const reading = read(digits);
      if (reading.status === 'invalid' || (reading.lostZero && i > 0 && !run[i]?.afterSlash)) continue;
      const rest = best[j + 1] as Cuts;
      const option: Cuts = {
        usable: rest.usable + 1,
        slashesInside: rest.slashesInside + slashes,
        leftover: rest.leftover,
        pieces: [{ from: i, to: j + 1, reading }, ...rest.pieces],
      };
      if (better(option, choice)) choice = option;
    }
    best[i] = choice;
  }
  return best[0] as Cuts;
}

function better(a: Cuts, b: Cuts): boolean {
  if (a.usable !== b.usable) return a.usable > b.usable;
  if (a.slashesInside !== b.slashesInside) return a.slashesInside < b.slashesInside;
  if (a.leftover !== b.leftover) return a.leftover < b.leftover;
  return a.pieces.length < b.pieces.length;
}

/** Groups that form no usable number, one invalid candidate per slash-separated stretch. */
function leftovers(text: string, groups: Group[]): PhoneCandidate[] {
  const out: PhoneCandidate[] = [];
  let from = 0;
  for (let k = 1; k <= groups.length; k += 1) {
    const next = groups[k];
    if (next && !next.afterSlash && !next.digits.startsWith('+')) continue;
    const stretch = groups.slice(from, k);
    const reading = read(stretch.map((g) => g.digits).join(''));
    const reason = reading.status === 'invalid' ? reasonOf(reading) : 'invalid_number';
    out.push({ text: spanText(text, stretch[0], stretch[stretch.length - 1]), e164: null, status: 'invalid', reason });
    from = k;
  }
  return out;
}

export function candidate(text: string, reading: Reading): PhoneCandidate {
  const c: PhoneCandidate = { text, e164: reading.e164, status: reading.status };
  if (reading.status === 'invalid') c.reason = reasonOf(reading);
  return c;
}
