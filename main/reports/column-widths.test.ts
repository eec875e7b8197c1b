import { describe, expect, it } from 'vitest';
import { estimateWidths, MAX_COLUMN_WIDTH } from './column-widths.js';
import type { ReportColumn } from './report.js';

const columns: ReportColumn[] = [
  { key: 'name', header: 'Nama WP', kind: 'text' },
  { key: 'principal', header: 'Pokok', kind: 'rupiah' },
  { key: 'due', header: 'Jatuh Tempo', kind: 'date' },
  { key: 'note', header: 'Catatan', kind: 'text', width: 30 },
];

describe('estimateWidths', () => {
  it('fits the widest sample value, the Rupiah as shown, and keeps a given width', () => {
    const widths = estimateWidths(columns, [
      { name: 'RM Pindang Pegagan Kayuagung', principal: 12_345_678, due: '2026-10-10', note: 'x' },
      { name: 'Hotel', principal: 5, due: null, note: null },
    ]);
    expect(widths).toEqual(['RM Pindang Pegagan Kayuagung'.length + 2, 'Rp 12,345,678'.length + 2, 12, 30]);
  });

  it('never goes past the cap for long names, nor below the header with room for the filter button', () => {
    const [name, principal] = estimateWidths(columns, [{ name: 'x'.repeat(200), principal: 1, due: null, note: null }]);
    expect(name).toBe(MAX_COLUMN_WIDTH);
    expect(principal).toBe('Pokok'.length + 3 + 2);
  });
});
