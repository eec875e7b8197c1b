import { formatDate } from '../../shared/format.js';
import type { ReportContext } from './report.js';

export interface SignatureText {
  text: string;
  bold?: boolean;
  underline?: boolean;
}

/** One printed line of the block: what stands on the left (the head) and on the right (the treasurer). */
export interface SignatureLine {
  left: SignatureText | null;
  right: SignatureText | null;
}

/** Room for the wet signature and the stamp between the office and the name. */
const SIGNING_SPACE = 3;
/** Printed where a name or NIP is not set yet, so the line can be filled in by hand. */
const BLANK_NAME = '(..............................)';

/**
 * The agency's usual signature block: the head acknowledges ("Mengetahui,") on the left, the
 * receiving treasurer signs on the right under the place and date; names bold and underlined.
 */
export function signatureBlock(ctx: ReportContext): SignatureLine[] {
  const name = (value: string): SignatureText => ({ text: value || BLANK_NAME, bold: true, underline: true });
  const nip = (value: string): SignatureText => ({ text: `NIP. ${value || '..............................'}` });
  return [
    { left: { text: 'Mengetahui,' }, right: { text: `${ctx.kabupaten}, ${formatDate(ctx.today, 'id')}` } },
    { left: { text: `Kepala ${ctx.agencyName}` }, right: { text: 'Bendahara Penerimaan' } },
    ...Array.from({ length: SIGNING_SPACE }, () => ({ left: null, right: null })),
    { left: name(ctx.headName), right: name(ctx.treasurerName) },
    { left: nip(ctx.headNip), right: nip(ctx.treasurerNip) },
  ];
}
