/** Errors of the reminders module (see ../errors.ts for the shape). */
export const REMINDER_ERRORS = {
  REMINDER_STAGE_NO_CHANNEL: { status: 400, id: 'Tahap {code} harus memiliki paling sedikit satu saluran. Tidak ada yang diubah.', en: 'Stage {code} needs at least one channel. Nothing was changed.' },
  REMINDER_STAGE_SAME_DAY: {
    status: 409,
    id: 'Tahap {code} tidak dapat jatuh pada hari yang sama dengan tahap {other} ({offset} hari dari jatuh tempo). Tidak ada yang diubah.',
    en: 'Stage {code} cannot fall on the same day as stage {other} ({offset} days from the due date). Nothing was changed.',
  },
  REMINDER_HOLIDAY_EXISTS: { status: 409, id: 'Tanggal {day} sudah tercatat sebagai hari libur ({name}).', en: '{day} is already a holiday ({name}).' },
  REMINDER_HOLIDAY_NOT_FOUND: { status: 404, id: 'Tanggal {day} bukan hari libur yang tercatat.', en: '{day} is not a recorded holiday.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
