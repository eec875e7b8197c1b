import { describe, expect, it } from 'vitest';
import { controlGroup } from './funnel.js';

const due = '2026-10-10';

describe('the comparison group of a reminder stage', () => {
  it('counts a bill paid on the 7th day after the stage day in both windows, on the 8th in 14 only, on the 15th in neither', () => {
    const days = [
      { dueDate: due, paidDate: '2026-10-10', bills: 1 },
      { dueDate: due, paidDate: '2026-10-11', bills: 2 },
      { dueDate: due, paidDate: '2026-10-18', bills: 4 },
    ];
    // H-7 falls on 3 October.
    expect(controlGroup(days, -7, '2026-10-01', '2026-10-31', '2026-11-23')).toEqual({ bills: 7, paid7: 1, paid14: 3 });
  });

  it('leaves out bills paid before the stage day, stage days outside the period and stage days still ahead', () => {
    const days = [
      { dueDate: due, paidDate: '2026-10-02', bills: 1 },
      { dueDate: due, paidDate: '', bills: 2 },
    ];
    expect(controlGroup(days, -7, '2026-10-01', '2026-10-31', '2026-11-23')).toEqual({ bills: 2, paid7: 0, paid14: 0 });
    expect(controlGroup(days, -14, '2026-10-01', '2026-10-31', '2026-11-23')).toEqual({ bills: 0, paid7: 0, paid14: 0 });
    expect(controlGroup(days, 1, '2026-10-01', '2026-10-31', '2026-10-05')).toEqual({ bills: 0, paid7: 0, paid14: 0 });
  });
});
