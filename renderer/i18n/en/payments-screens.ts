import type { paymentsScreensId } from '../id/payments-screens';

/** English for the payment settings on the Settings screen; the keys are Indonesian's. */
export const paymentsScreensEn: typeof paymentsScreensId = {
  settings: {
    legend: 'Payments',
    penaltyPercentPerMonth: 'Penalty per month (%)',
    penaltyPercentHint: 'Percent of the principal per month late, e.g. 1.',
    penaltyMaxMonths: 'Penalty for at most (months)',
    partnerAdminFee: 'Partner admin fee (Rp)',
    partnerAdminFeeHint: 'Added by the partner on top of the bill; not regional revenue.',
    paperLetterCost: 'Paper letter cost (Rp)',
    whatsappMessageCost: 'WhatsApp message cost (Rp)',
    smsMessageCost: 'Cost of one SMS (Rp)',
    costHint: 'Used to compare reminder costs on the dashboard.',
  },
};
