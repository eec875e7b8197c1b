import { describe, expect, it } from 'vitest';
import { failureReason, failureReasonLine } from './failure-reasons.js';

describe('failure reasons', () => {
  it('explains 131026 as a number that is not on WhatsApp and suggests SMS or a corrected number', () => {
    const reason = failureReason('131026');
    expect(reason).toMatchObject({ code: '131026', known: true, category: 'number' });
    expect(reason.text.id).toContain('tidak terdaftar di WhatsApp');
    expect(reason.text.en).toContain('not on WhatsApp');
    expect(reason.action.id).toContain('SMS');
  });

  it('tells the officer that rate-limit refusals (130429, 131056, HTTP 429) retry by themselves', () => {
    for (const code of ['130429', '131056', 'HTTP_429', 'THROTTLED']) {
      const reason = failureReason(code);
      expect(reason.category, code).toBe('rate');
      expect(reason.action.en, code).toContain('retried automatically');
    }
  });

  it('sends template problems (131047, 132000, 132001, no Meta name) to the templates screen', () => {
    for (const code of ['131047', '132000', '132001', 'NO_META_TEMPLATE']) {
      expect(failureReason(code).category, code).toBe('template');
      expect(failureReason(code).action.en, code).toMatch(/template/i);
    }
  });

  it('asks for an officer decision on timeouts and interrupted sends, whose fate nobody knows', () => {
    for (const code of ['TIMEOUT', 'ECONNRESET', 'INTERRUPTED', 'CLIENT_ERROR']) {
      expect(failureReason(code).category, code).toBe('unknown');
      expect(failureReason(code).action.id, code).toContain('Kirim ulang');
    }
  });

  it('explains cancellations for paid bills and opt-outs as needing nothing', () => {
    expect(failureReason('bill_paid')).toMatchObject({ category: 'cancelled', known: true });
    expect(failureReason('opted_out').text.en).toContain('STOP');
  });

  it('treats any 5xx without a Meta code as a temporary gateway problem', () => {
    expect(failureReason('HTTP_503')).toMatchObject({ code: 'HTTP_503', known: true, category: 'gateway' });
  });

  it('shows an unknown code in both languages rather than hiding it', () => {
    const reason = failureReason('999999');
    expect(reason.known).toBe(false);
    expect(reason.text.id).toContain('999999');
    expect(reason.text.en).toContain('999999');
    expect(failureReason(null).text.en).toBe('Failed without a code from the gateway.');
  });

  it('joins what happened and what to do into one line per language', () => {
    expect(failureReasonLine('131009', 'en')).toBe("The destination number is invalid. Correct the taxpayer's number on the Contacts screen, then plan again.");
  });
});
