import ExcelJS from 'exceljs';
import type { Settings } from '../../shared/api/settings.js';
import { INDICATOR_LABELS_ID, QUARTER_LABELS, TAX_TYPE_LABELS_ID } from '../../shared/dashboard/report-labels.js';
import type { LakinTable } from './lakin.js';

const RUPIAH = '#,##0';
const PERCENT = '0.0%';
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The LAKIN-style table as a workbook the agency pastes into its performance report: title,
 * a two-row header (target, realisation and capaian per quarter), numbers with number formats
 * (so they can be summed), the NKO, and the head's signature block.
 */
export async function lakinWorkbook(table: LakinTable, settings: Settings): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SI PEKA';
  const sheet = workbook.addWorksheet(`Kinerja ${table.year}`, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  sheet.columns = [{ width: 5 }, { width: 46 }, { width: 9 }, { width: 8 }, ...Array.from({ length: 12 }, (_, i) => ({ width: i < 8 ? 17 : 11 }))];

  sheet.addRow([settings.agencyName.toUpperCase()]).font = { bold: true, size: 13 };
  sheet.addRow([`PENGUKURAN KINERJA TAHUN ${table.year}`]).font = { bold: true, size: 12 };
  sheet.addRow([`Keadaan per ${formatDate(table.asOf)}; capaian dibatasi paling tinggi 120 %`]).font = { italic: true };
  for (const r of [1, 2, 3]) sheet.mergeCells(r, 1, r, 16);
  sheet.addRow([]);

  const top = sheet.addRow(['No', 'Indikator Kinerja', 'Satuan', 'Bobot', 'Target (kumulatif)', '', '', '', 'Realisasi (kumulatif)', '', '', '', 'Capaian', '', '', '']);
  const sub = sheet.addRow(['', '', '', '', ...QUARTER_LABELS, ...QUARTER_LABELS, ...QUARTER_LABELS]);
  for (const c of [1, 2, 3, 4]) sheet.mergeCells(top.number, c, sub.number, c);
  for (const start of [5, 9, 13]) sheet.mergeCells(top.number, start, top.number, start + 3);
  for (const row of [top, sub]) {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
      cell.border = BORDER;
    });
  }

  table.rows.forEach((row, i) => {
    const percent = row.unit === 'percent';
    const name = row.taxType === '*' ? INDICATOR_LABELS_ID[row.indicator] : `    ${TAX_TYPE_LABELS_ID[row.taxType] ?? row.taxType}`;
    // Rates are kept in percent; Excel's percent format wants the fraction.
    const value = (v: number | null) => (v === null ? null : percent ? v / 100 : v);
    const line = sheet.addRow([i + 1, name, percent ? '%' : 'Rp', row.weight || null, ...row.targets.map(value), ...row.realisations.map(value), ...row.capaian]);
    for (let c = 5; c <= 12; c += 1) line.getCell(c).numFmt = percent ? PERCENT : RUPIAH;
    for (let c = 13; c <= 16; c += 1) line.getCell(c).numFmt = PERCENT;
    line.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
    if (row.taxType === '*') line.font = { bold: true };
  });

  const nko = sheet.addRow(['', `Nilai Kinerja Organisasi (NKO), TW ${QUARTER_LABELS[table.currentQuarter - 1]?.slice(3) ?? '-'}`, '', '', ...Array(11).fill(''), table.nko]);
  nko.font = { bold: true };
  nko.getCell(16).numFmt = PERCENT;
  sheet.mergeCells(nko.number, 2, nko.number, 15);
  nko.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));

  sheet.addRow([]);
  const place = sheet.addRow([]);
  place.getCell(13).value = `${settings.kabupaten}, ${formatDate(table.asOf)}`;
  sheet.addRow([]).getCell(13).value = 'Kepala Badan';
  sheet.addRow([]);
  sheet.addRow([]);
  sheet.addRow([]).getCell(13).value = settings.headName || '(nama)';
  sheet.addRow([]).getCell(13).value = settings.headNip ? `NIP ${settings.headNip}` : 'NIP';
  sheet.views = [{ state: 'frozen', ySplit: sub.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
