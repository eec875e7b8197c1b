import { describe, expect, it } from 'vitest';
import { canonicalTaxType } from '../import/tax-types.js';
import { TAX_TYPES } from './tax-types.js';

describe('demo tax-type labels', () => {
  it('each map back to their own code through the import parser', () => {
    for (const profile of Object.values(TAX_TYPES)) {
      for (const label of profile.labels) expect([label, canonicalTaxType(label)]).toEqual([label, profile.code]);
    }
  });
});
