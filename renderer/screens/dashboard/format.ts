import { formatPercent, formatRupiah } from '../../../shared/format';

export type KpiFigures = import('../../../shared/api/index').Out<'dashboard.kpi'>;

/** What the dashboard asks to see the bills behind a figure. */
export interface DrillRequest {
  figure: 'realisation' | 'arrears' | 'compliance_on_time' | 'compliance_late' | 'largest' | 'reminded';
  bucket?: string;
  month?: string;
  stage?: string;
  channel?: 'whatsapp' | 'sms';
  window?: 'sent' | 'paid7' | 'paid14';
  /** Said above the list: which figure this is. */
  title: string;
}

export const rupiah = formatRupiah;
export const percentOrDash = (share: number | null | undefined) => (share === null || share === undefined ? '—' : formatPercent(share));
/** Rupiah in millions for chart axes: `1.250 jt`. */
export const millions = (amount: number) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount / 1_000_000)} jt`;
