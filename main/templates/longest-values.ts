import type { Language } from '../../shared/errors.js';
import { formatRupiah } from '../../shared/format.js';
import { billList, LONG_SAMPLE_MESSAGE, type MessageData, type PlaceholderName, type TemplateValues, templateValues } from '../../shared/templates/index.js';
import type { LedgerExtremes } from './ledger-extremes.js';

/**
 * The longest value each placeholder takes with the ledger's real data, so a template is
 * checked against the message it will actually become: the busiest taxpayer's bill list under
 * the longest name, and each single value at its longest anywhere in the ledger. An empty
 * ledger is measured with the built-in worst case.
 */
/**
 * The most bills one WhatsApp message lists: three real bill lines already fill most of Meta's
 * 1,024 characters, so a taxpayer owing more gets the rest in another message of the same stage
 * (the reminder engine splits). Templates are measured against what one message carries.
 */
export const MAX_BILLS_PER_MESSAGE = 2;

export function longestValues(extremes: LedgerExtremes, agency: MessageData['agency'], today: string, lang: Language): TemplateValues {
  const sample = templateValues({ ...LONG_SAMPLE_MESSAGE, agency }, lang);
  if (extremes.busiestBills.length === 0) return sample;
  const values = templateValues(
    { taxpayer: { name: extremes.longestName ?? '', npwpd: extremes.longestNpwpd ?? '' }, bills: longestLines(extremes.busiestBills, lang), agency, today },
    lang,
  );
  const arrears = extremes.largestArrears;
  const singles: Partial<Record<PlaceholderName, string | null>> = {
    jenis_pajak: extremes.longestTaxTypeLabel,
    nop: extremes.longestNop,
    objek_pajak: extremes.longestObjectName,
    jumlah_tagihan: arrears && formatRupiah(arrears.principal),
    denda: arrears && formatRupiah(arrears.penalty),
    total: arrears && formatRupiah(arrears.principal + arrears.penalty),
    hari_lagi: extremes.earliestUnpaidDue && String(Math.abs(dayNumber(today) - dayNumber(extremes.earliestUnpaidDue))),
    // The ledger holds no virtual account numbers until the payments module issues them; measure
    // with the sample's, so a template is not approved for a length it will soon outgrow.
    nomor_va: sample.nomor_va,
  };
  for (const [name, single] of Object.entries(singles) as [PlaceholderName, string | null][]) {
    if (single && single.length > values[name].length) values[name] = single;
  }
  return values;
}

/** The bills whose lines in `{daftar_tagihan}` are longest, as many as one message carries. */
function longestLines(bills: MessageData['bills'], lang: Language): MessageData['bills'] {
  const length = (bill: MessageData['bills'][number]) => billList([bill], lang).length;
  return [...bills].sort((a, b) => length(b) - length(a)).slice(0, MAX_BILLS_PER_MESSAGE);
}

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}
