import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_STAGES, dueDateRange, LAST_STAGE_DAYS, stageOn, type StageRule, stagesFor } from './stages.js';

const due = '2026-12-20';
const stages = stagesFor(DEFAULT_STAGES, 'PBJT_MAKMIN');
const codeOn = (day: string, list: readonly StageRule[] = stages) => stageOn(list, due, day)?.code ?? null;

describe('which stage applies', () => {
  it('has no stage before H-14', () => {
    expect(codeOn(addDays(due, -15))).toBeNull();
  });

  it('finds each stage on its own day', () => {
    expect(codeOn(addDays(due, -14))).toBe('H-14');
    expect(codeOn(addDays(due, -7))).toBe('H-7');
    expect(codeOn(addDays(due, -3))).toBe('H-3');
    expect(codeOn(addDays(due, 1))).toBe('H+1');
    expect(codeOn(addDays(due, 7))).toBe('H+7');
    expect(codeOn(addDays(due, 30))).toBe('H+30');
  });

  it('catches up with the latest stage whose day has come, never an earlier one', () => {
    expect(codeOn(addDays(due, -8))).toBe('H-14');
    expect(codeOn(addDays(due, -4))).toBe('H-7');
    expect(codeOn(due)).toBe('H-3');
    expect(codeOn(addDays(due, 6))).toBe('H+1');
    expect(codeOn(addDays(due, 29))).toBe('H+7');
  });

  it('lets the last stage lapse after a week, so old arrears are not all reminded at once', () => {
    expect(codeOn(addDays(due, 30 + LAST_STAGE_DAYS - 1))).toBe('H+30');
    expect(codeOn(addDays(due, 30 + LAST_STAGE_DAYS))).toBeNull();
    expect(codeOn(addDays(due, 400))).toBeNull();
  });

  it("uses a tax type's own stage over the general one, and leaves out inactive stages", () => {
    const rules: StageRule[] = [
      ...DEFAULT_STAGES,
      { code: 'H-3', offsetDays: -2, taxType: 'PAJAK_REKLAME', channels: ['sms'], active: true },
      { code: 'H-14', offsetDays: -14, taxType: 'PAJAK_REKLAME', channels: ['whatsapp'], active: false },
    ];
    const reklame = stagesFor(rules, 'PAJAK_REKLAME');
    expect(reklame.map((s) => `${s.code}@${s.offsetDays}`)).toEqual(['H-7@-7', 'H-3@-2', 'H+1@1', 'H+7@7', 'H+30@30']);
    expect(codeOn(addDays(due, -3), reklame)).toBe('H-7');
    expect(codeOn(addDays(due, -2), reklame)).toBe('H-3');
    expect(codeOn(addDays(due, -14), reklame)).toBeNull();
    expect(stagesFor(rules, 'PBJT_MAKMIN')).toHaveLength(6);
  });

  it('looks only at due dates a stage can apply to', () => {
    expect(dueDateRange(DEFAULT_STAGES, '2026-12-01')).toEqual({ from: addDays('2026-12-01', -36), to: '2026-12-15' });
  });
});
