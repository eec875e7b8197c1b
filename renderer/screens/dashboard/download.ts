const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file the backend made (base64), handed to the browser as a download. */
export function downloadBase64(fileName: string, base64: string, type = XLSX_TYPE): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type }));
}

export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.click();
}

/**
 * A table on screen as a workbook: numbers stay numbers (the head's staff sum them in Excel).
 * SheetJS is loaded on the first click only, so the dashboard opens without it.
 */
export async function downloadTableXlsx(fileName: string, sheetName: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  const XLSX = await import('xlsx');
  const sheet = XLSX.utils.aoa_to_sheet([header as string[], ...(rows as (string | number | null)[][])]);
  sheet['!cols'] = header.map((h, i) => ({ wch: Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)) + 2 }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.slice(0, 31));
  const out = XLSX.write(book, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer;
  downloadBlob(fileName, new Blob([out], { type: XLSX_TYPE }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the file to the browser by the next task; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
