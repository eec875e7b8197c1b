import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const FIELD_LABEL: Record<string, string> = {
  phone: 'No HP',
  email: 'Email',
  primary: 'No HP utama',
  whatsapp: 'WhatsApp',
  phone_conflict: 'No HP (konflik ekspor)',
  email_conflict: 'Email (konflik ekspor)',
};
const SOURCE_LABEL: Record<string, string> = { officer: 'Petugas', delivery: 'Laporan gateway', export: 'Ekspor SIMPADA' };

/**
 * Every correction of a contact (by officers and from delivery reports) as a workbook the
 * SIMPADA team can fix the core system from: NPWPD, name, field, old, new, who, when, why.
 */
export async function correctionsWorkbook(db: Kysely<Database>, timeZone: string): Promise<{ buffer: Buffer; rows: number }> {
  const rows = await db
    .selectFrom('contact_changes as h')
    .innerJoin('taxpayers as t', 't.id', 'h.taxpayer_id')
    .select(['t.npwpd', 't.name', 'h.field', 'h.old_value', 'h.new_value', 'h.actor', 'h.at', 'h.reason', 'h.source'])
    .where('h.source', 'in', ['officer', 'delivery'])
    .orderBy('h.id')
    .execute();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SI PEKA';
  const sheet = workbook.addWorksheet('Koreksi kontak', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'NPWPD', key: 'npwpd', width: 22 },
    { header: 'Nama WP', key: 'name', width: 36 },
    { header: 'Kolom', key: 'field', width: 18 },
    { header: 'Nilai lama', key: 'old', width: 24 },
    { header: 'Nilai baru', key: 'new', width: 24 },
    { header: 'Oleh', key: 'actor', width: 16 },
    { header: 'Sumber', key: 'source', width: 16 },
    { header: 'Waktu', key: 'at', width: 20, style: { numFmt: 'dd/mm/yyyy hh:mm' } },
    { header: 'Alasan', key: 'reason', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow({
      npwpd: row.npwpd ?? '',
      name: row.name,
      field: FIELD_LABEL[row.field] ?? row.field,
      old: row.old_value ?? '',
      new: row.new_value ?? '',
      actor: row.actor,
      source: SOURCE_LABEL[row.source] ?? row.source,
      at: wallClock(row.at, timeZone),
      reason: row.reason ?? '',
    });
  }
  sheet.autoFilter = { from: 'A1', to: 'I1' };
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), rows: rows.length };
}

/** Excel has no zones: a date cell shows the agency's wall clock, so it is written as that. */
function wallClock(iso: string, timeZone: string): Date {
  const instant = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute, parts.second));
}
