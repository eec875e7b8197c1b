/** Bahasa Indonesia for the payment settings on the Pengaturan screen. */
export const paymentsScreensId = {
  settings: {
    legend: 'Pembayaran',
    penaltyPercentPerMonth: 'Denda per bulan (%)',
    penaltyPercentHint: 'Persen pokok per bulan keterlambatan, mis. 1.',
    penaltyMaxMonths: 'Denda paling lama (bulan)',
    partnerAdminFee: 'Biaya admin mitra (Rp)',
    partnerAdminFeeHint: 'Ditambahkan mitra di atas tagihan; bukan penerimaan daerah.',
    paperLetterCost: 'Biaya surat kertas (Rp)',
    whatsappMessageCost: 'Biaya pesan WhatsApp (Rp)',
    smsMessageCost: 'Biaya satu SMS (Rp)',
    costHint: 'Dipakai untuk membandingkan biaya pengingat di Beranda.',
  },
};
