/** Errors of the gateway settings (see ../errors.ts for the shape). */
export const GATEWAY_ERRORS = {
  GATEWAY_CONFIG_INVALID: {
    status: 400,
    id: 'Pengaturan gateway SMS tidak sah pada {field}: {detail}. Tidak ada yang diubah.',
    en: 'Invalid SMS gateway setting at {field}: {detail}. Nothing was changed.',
  },
  GATEWAY_SECRET_MISSING: {
    status: 400,
    id: 'Gateway SMS memerlukan rahasia ({need}), tetapi belum ada yang disimpan. Berikan dengan --secret-stdin atau --secret-file. Tidak ada yang diubah.',
    en: 'The SMS gateway needs a secret ({need}) and none is stored. Give it with --secret-stdin or --secret-file. Nothing was changed.',
  },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
