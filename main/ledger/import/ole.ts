import * as XLSX from 'xlsx';

/**
 * An OLE compound file is an old .xls, or a password-protected workbook of any age: Excel
 * wraps an encrypted .xlsx in an OLE container holding `EncryptionInfo` and `EncryptedPackage`
 * streams. It may also be a Word or PowerPoint file saved under the wrong name.
 */
export type OleContent = { type: 'encrypted' } | { type: 'xls' } | { type: 'foreign'; kind: string };

export function inspectOle(data: Buffer): OleContent {
  const container = XLSX.CFB.read(data, { type: 'buffer' });
  const names = new Set(container.FileIndex.map((entry: { name: string }) => entry.name));
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return { type: 'encrypted' };
  if (names.has('Workbook') || names.has('Book')) return { type: 'xls' };
  if (names.has('WordDocument')) return { type: 'foreign', kind: 'Word' };
  if (names.has('PowerPoint Document')) return { type: 'foreign', kind: 'PowerPoint' };
  return { type: 'foreign', kind: 'OLE' };
}
