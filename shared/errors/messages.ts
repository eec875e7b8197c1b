/** Errors of the outbox, the dispatcher and the gateways (see ../errors.ts for the shape). */
export const MESSAGE_ERRORS = {
  GATEWAY_KIND_UNSUPPORTED: { status: 400, id: 'Jenis gateway {kind} untuk kanal {channel} belum didukung.', en: 'Gateway kind {kind} for channel {channel} is not supported yet.' },
  GATEWAY_TEST_FAILED: { status: 502, id: 'Gateway {channel} menolak pesan uji: {detail}', en: 'The {channel} gateway refused the test message: {detail}' },
  DISPATCH_RUNNING: { status: 409, id: 'Pengiriman sudah berjalan (pekerjaan {jobId}).', en: 'A dispatch is already running (job {jobId}).' },
  DISPATCH_LEASE_HELD: {
    status: 409,
    id: 'Pengiriman sudah berjalan di {host} (pid {pid}) sejak {since}; hanya satu pengiriman per buku besar. Bila proses itu sudah mati, coba lagi setelah {expires}.',
    en: 'Dispatch is already running on {host} (pid {pid}) since {since}; one dispatch per ledger. If that process is dead, try again after {expires}.',
  },
  DISPATCH_NOT_RUNNING: { status: 409, id: 'Tidak ada pengiriman yang berjalan.', en: 'No dispatch is running.' },
  MESSAGE_NOT_UNKNOWN: { status: 409, id: 'Pesan #{id} berstatus {state}; hanya pesan berstatus unknown yang diputuskan petugas.', en: 'Message #{id} is {state}; only unknown messages are decided by an officer.' },
  MESSAGE_NOT_FOUND: { status: 404, id: 'Pesan #{id} tidak ditemukan.', en: 'Message #{id} not found.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
