import { describe, expect, it } from 'vitest';
import { type PaidBill, thankYouMoments } from './thank-you.js';

function paidBill(id: number, taxpayerId: number, dueDate: string): PaidBill {
  return {
    id,
    taxpayer_id: taxpayerId,
    due_date: dueDate,
    principal: 100_000,
    penalty: 0,
    tax_type_label: 'Pajak Restoran',
    masa_pajak: '2026-11',
    kode_bayar: `KB-${id}`,
    nop: null,
    object_name: null,
    taxpayer_name: `WP ${taxpayerId}`,
    npwpd: null,
    wa_phone: null,
    sms_phone: null,
  };
}

describe('thankYouMoments', () => {
  it('makes one thank-you per taxpayer and due date, as the reminders were, listing its bills in order', () => {
    const moments = thankYouMoments([paidBill(3, 1, '2026-12-10'), paidBill(1, 1, '2026-12-10'), paidBill(2, 2, '2026-12-10'), paidBill(4, 1, '2026-11-10')]);
    expect(moments.map((m) => [m.taxpayerId, m.dueDate, m.bills.map((b) => b.id)])).toEqual([
      [1, '2026-11-10', [4]],
      [1, '2026-12-10', [1, 3]],
      [2, '2026-12-10', [2]],
    ]);
  });
});
