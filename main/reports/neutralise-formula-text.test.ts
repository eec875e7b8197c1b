import { describe, expect, it } from 'vitest';
import { neutraliseFormulaText } from './neutralise-formula-text.js';

describe('neutraliseFormulaText', () => {
  it('prefixes a quote to text that a spreadsheet would read as a formula', () => {
    expect(neutraliseFormulaText('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseFormulaText('+6281234567890')).toBe(`'+6281234567890`);
    expect(neutraliseFormulaText('-5')).toBe(`'-5`);
    expect(neutraliseFormulaText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormulaText('\t=1+1')).toBe(`'\t=1+1`);
    expect(neutraliseFormulaText('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('leaves ordinary text alone, including those characters further in', () => {
    expect(neutraliseFormulaText('RM Sederhana = Enak')).toBe('RM Sederhana = Enak');
    expect(neutraliseFormulaText('P2-001')).toBe('P2-001');
    expect(neutraliseFormulaText('')).toBe('');
    expect(neutraliseFormulaText(`'quoted`)).toBe(`'quoted`);
  });
});
