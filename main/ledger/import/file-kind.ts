/**
 * What a file is, judged by its first bytes rather than its name: officers rename files, and
 * browsers save a report as `laporan.xls` that is really HTML.
 */
export type Magic =
  | { type: 'zip' }
  | { type: 'ole' }
  | { type: 'markup' }
  | { type: 'text' }
  | { type: 'foreign'; kind: string };

/** How many leading bytes sniffMagic wants. */
export const MAGIC_BYTES = 512;

const FOREIGN: { kind: string; bytes: number[] }[] = [
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'GZIP', bytes: [0x1f, 0x8b] },
  { kind: 'RTF', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

export function sniffMagic(head: Uint8Array): Magic {
  const startsWith = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  // Local file header, empty archive, spanned archive: all ZIP, all judged further by their directory.
  if (head[0] === 0x50 && head[1] === 0x4b && [0x03, 0x05, 0x07].includes(head[2] ?? 0)) return { type: 'zip' };
  if (startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { type: 'ole' };
  for (const { kind, bytes } of FOREIGN) if (startsWith(bytes)) return { type: 'foreign', kind };
  if (looksLikeMarkup(head)) return { type: 'markup' };
  return { type: 'text' };
}

/** An HTML table or SpreadsheetML saved as `.xls` by a web application. */
function looksLikeMarkup(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] !== 0x3c) return false;
  const start = Buffer.from(head.subarray(i, i + 200)).toString('latin1').toLowerCase();
  return /^<(\?xml|!doctype html|html|table|head|body|meta)\b/.test(start);
}
