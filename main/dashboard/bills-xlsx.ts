import ExcelJS from 'exceljs';
import { TAX_TYPE_LABELS_ID } from '../../shared/dashboard/report-labels.js';
import type { DrillRow } from './drill.js';

/** The bills behind a figure (the field-visit priority list among them) as a workbook officers can sort and sum. */
export async function billsWorkbook(title: string, rows: readonly DrillRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SI PEKA';
  const sheet = workbook.addWorksheet('Tagihan', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 12 };
  sheet.columns = [
    { key: 'no', width: 6 },
    { key: 'npwpd', width: 22 },
    { key: 'name', width: 34 },
    { key: 'kecamatan', width: 18 },
    { key: 'taxType', width: 24 },
    { key: 'kodeBayar', width: 20 },
    { key: 'masa', width: 10 },
    { key: 'principal', width: 16, style: { numFmt: '#,##0' } },
    { key: 'penalty', width: 14, style: { numFmt: '#,##0' } },
    { key: 'dueDate', width: 13, style: { numFmt: 'dd/mm/yyyy' } },
    { key: 'daysOverdue', width: 12 },
    { key: 'paidDate', width: 13, style: { numFmt: 'dd/mm/yyyy' } },
    { key: 'paidAmount', width: 16, style: { numFmt: '#,##0' } },
  ];
  const header = sheet.addRow(['No', 'NPWPD', 'Nama WP', 'Kecamatan', 'Jenis Pajak', 'Kode Bayar', 'Masa', 'Pokok', 'Denda', 'Jatuh Tempo', 'Hari Lewat', 'Tgl Bayar', 'Jumlah Dibayar']);
  header.font = { bold: true };
  rows.forEach((r, i) =>
    sheet.addRow({
      no: i + 1,
      npwpd: r.npwpd ?? '',
      name: r.taxpayerName,
      kecamatan: r.kecamatan ?? '',
      taxType: TAX_TYPE_LABELS_ID[r.taxType] ?? r.taxType,
      kodeBayar: r.kodeBayar,
      masa: r.masaPajak ?? '',
      principal: r.principal,
      penalty: r.penalty,
      dueDate: excelDate(r.dueDate),
      daysOverdue: r.daysOverdue,
      paidDate: r.paidDate ? excelDate(r.paidDate) : null,
      paidAmount: r.paidAmount,
    }),
  );
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 13 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A calendar date as a date cell showing that day (Excel has no zones). */
function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
