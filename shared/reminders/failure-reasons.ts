/**
 * What a message's `error_code` means to an officer, and what to do about it. The codes are
 * what the dispatcher records: Meta's WhatsApp Cloud API error codes (as numbers in text),
 * `HTTP_<status>` when an answer carried none, the network failures of `networkError`, the
 * SMS gateways' own codes, and the dispatcher's and officers' reasons (`INTERRUPTED`,
 * `bill_paid`, `opted_out`, `OFFICER` …). Pure: the screen, the CLI and the summary all read it.
 */

export type FailureCategory = 'number' | 'rate' | 'template' | 'gateway' | 'network' | 'unknown' | 'cancelled' | 'officer';

export interface FailureReason {
  code: string;
  /** False for a code this table does not know: the text then says so and shows the code. */
  known: boolean;
  category: FailureCategory;
  /** What happened, for an officer. */
  text: { id: string; en: string };
  /** What the officer should do next. */
  action: { id: string; en: string };
}

type Entry = Omit<FailureReason, 'code' | 'known'>;

const NOT_ON_WHATSAPP: Entry = {
  category: 'number',
  text: { id: 'Nomor tidak terdaftar di WhatsApp.', en: 'The number is not on WhatsApp.' },
  action: { id: 'Kirim lewat SMS atau perbaiki nomor Wajib Pajak di layar Kontak.', en: "Send by SMS, or correct the taxpayer's number on the Contacts screen." },
};

const INVALID_NUMBER: Entry = {
  category: 'number',
  text: { id: 'Nomor tujuan tidak valid.', en: 'The destination number is invalid.' },
  action: { id: 'Perbaiki nomor Wajib Pajak di layar Kontak, lalu rencanakan ulang.', en: "Correct the taxpayer's number on the Contacts screen, then plan again." },
};

const RATE: Entry = {
  category: 'rate',
  text: { id: 'Gateway menolak karena batas kecepatan kirim terlampaui.', en: 'The gateway refused: the sending rate limit was exceeded.' },
  action: { id: 'Tidak perlu tindakan: pesan dicoba lagi otomatis. Jika sering terjadi, turunkan kecepatan gateway.', en: "Nothing to do: the message is retried automatically. If it keeps happening, lower the gateway's rate." },
};

const GATEWAY_DOWN: Entry = {
  category: 'gateway',
  text: { id: 'Gateway sedang bermasalah atau tidak tersedia sementara.', en: 'The gateway had a temporary problem or was unavailable.' },
  action: { id: 'Pesan dicoba lagi otomatis; bila tetap gagal, kirim ulang nanti atau hubungi penyedia gateway.', en: 'The message is retried automatically; if it still fails, send again later or contact the gateway provider.' },
};

const NETWORK_REFUSED: Entry = {
  category: 'network',
  text: { id: 'Gateway tidak dapat dihubungi (koneksi ditolak atau alamat tidak ditemukan); pesan belum terkirim.', en: 'The gateway could not be reached (connection refused or host not found); the message was not sent.' },
  action: { id: 'Periksa jaringan kantor dan alamat gateway di pengaturan; pesan dicoba lagi otomatis.', en: "Check the office network and the gateway's address in its settings; the message is retried automatically." },
};

const AMBIGUOUS: Entry = {
  category: 'unknown',
  text: { id: 'Jawaban gateway tidak diterima; pesan mungkin sudah atau belum terkirim.', en: "The gateway's answer never arrived; the message may or may not have been sent." },
  action: { id: 'Tanyakan kepada Wajib Pajak atau periksa di gateway, lalu pilih "Kirim ulang", "Anggap terkirim" atau "Anggap gagal".', en: 'Ask the taxpayer or check with the gateway, then choose "Send again", "Count as sent" or "Count as failed".' },
};

const TEMPLATE: Entry = {
  category: 'template',
  text: { id: 'Templat WhatsApp ditolak Meta (nama, bahasa atau jumlah isian tidak cocok).', en: 'Meta refused the WhatsApp template (name, language or number of parameters does not match).' },
  action: { id: 'Periksa nama Meta, bahasa dan isian templat di layar Template Pesan dengan yang disetujui Meta.', en: "Compare the template's Meta name, language and parameters on the Templates screen with what Meta approved." },
};

const TABLE: Record<string, Entry> = {
  '131026': NOT_ON_WHATSAPP,
  '131009': INVALID_NUMBER,
  '131021': {
    category: 'number',
    text: { id: 'Nomor tujuan sama dengan nomor pengirim.', en: 'The recipient is the sending number itself.' },
    action: { id: 'Perbaiki nomor Wajib Pajak di layar Kontak (nomor kantor tidak boleh menjadi kontak).', en: "Correct the taxpayer's number on the Contacts screen (the office number must not be a contact)." },
  },
  '100': INVALID_NUMBER,
  INVALID_NUMBER,
  '130429': RATE,
  '4': RATE,
  '80007': RATE,
  THROTTLED: RATE,
  HTTP_429: RATE,
  '131056': {
    category: 'rate',
    text: { id: 'Terlalu banyak pesan ke nomor yang sama dalam waktu singkat (batas per pasangan nomor).', en: 'Too many messages to the same number in a short time (the pair rate limit).' },
    action: { id: 'Tidak perlu tindakan: pesan dicoba lagi otomatis beberapa saat kemudian.', en: 'Nothing to do: the message is retried automatically a little later.' },
  },
  '131048': {
    category: 'rate',
    text: { id: 'Meta membatasi pengiriman karena banyak pesan dilaporkan atau diblokir penerima.', en: 'Meta limited sending because many messages were reported or blocked by recipients.' },
    action: { id: 'Hentikan pengiriman sementara dan minta Kepala meninjau isi templat; periksa kualitas nomor di WhatsApp Manager.', en: "Pause sending and ask the head to review the templates' wording; check the number's quality in WhatsApp Manager." },
  },
  '131047': {
    category: 'template',
    text: { id: 'Lebih dari 24 jam sejak balasan terakhir Wajib Pajak: hanya pesan templat yang boleh dikirim.', en: "More than 24 hours since the taxpayer's last reply: only template messages may be sent." },
    action: { id: 'Kirim dengan templat WhatsApp yang disetujui Meta (isi nama Meta templat).', en: "Send with a Meta-approved WhatsApp template (fill in the template's Meta name)." },
  },
  '132000': TEMPLATE,
  '132001': {
    category: 'template',
    text: { id: 'Templat WhatsApp tidak ada di Meta dengan nama dan bahasa itu.', en: 'No WhatsApp template with that name and language exists at Meta.' },
    action: { id: 'Samakan nama Meta dan bahasa templat di layar Template Pesan dengan yang disetujui Meta.', en: "Make the template's Meta name and language on the Templates screen match what Meta approved." },
  },
  '132005': TEMPLATE,
  '132012': TEMPLATE,
  NO_META_TEMPLATE: {
    category: 'template',
    text: { id: 'Templat pesan ini belum memiliki nama templat yang disetujui Meta.', en: 'This message\'s template has no Meta-approved template name.' },
    action: { id: 'Isi nama Meta templat dan catat persetujuan Meta di layar Template Pesan, lalu kirim ulang.', en: "Fill in the template's Meta name and record Meta's approval on the Templates screen, then send again." },
  },
  '131049': {
    category: 'gateway',
    text: { id: 'Meta memilih tidak mengantarkan pesan ini agar penerima tidak menerima terlalu banyak pesan.', en: 'Meta chose not to deliver this message to keep the recipient from getting too many.' },
    action: { id: 'Coba kirim lagi esok hari, atau lewat SMS.', en: 'Try again tomorrow, or send by SMS.' },
  },
  '131050': {
    category: 'number',
    text: { id: 'Penerima menghentikan pesan dari bisnis ini di WhatsApp.', en: 'The recipient stopped messages from this business on WhatsApp.' },
    action: { id: 'Hubungi Wajib Pajak lewat SMS atau telepon.', en: 'Reach the taxpayer by SMS or phone.' },
  },
  '131031': {
    category: 'gateway',
    text: { id: 'Akun WhatsApp Business dikunci atau dibatasi oleh Meta.', en: 'Meta locked or restricted the WhatsApp Business account.' },
    action: { id: 'Hentikan pengiriman dan minta administrator memeriksa akun di WhatsApp Manager.', en: 'Stop sending and ask the administrator to check the account in WhatsApp Manager.' },
  },
  '131042': {
    category: 'gateway',
    text: { id: 'Masalah pembayaran akun WhatsApp Business.', en: 'A payment problem on the WhatsApp Business account.' },
    action: { id: 'Minta administrator memperbarui metode pembayaran di WhatsApp Manager.', en: 'Ask the administrator to update the payment method in WhatsApp Manager.' },
  },
  '190': {
    category: 'gateway',
    text: { id: 'Token akses WhatsApp kedaluwarsa atau tidak valid.', en: 'The WhatsApp access token expired or is invalid.' },
    action: { id: 'Minta administrator memasang token baru (sipeka gateway set).', en: 'Ask the administrator to store a new token (sipeka gateway set).' },
  },
  UNAUTHORIZED: {
    category: 'gateway',
    text: { id: 'Gateway menolak kredensial SI PEKA.', en: "The gateway refused SI PEKA's credentials." },
    action: { id: 'Minta administrator memeriksa kunci API gateway.', en: "Ask the administrator to check the gateway's API key." },
  },
  '131000': GATEWAY_DOWN,
  '131016': GATEWAY_DOWN,
  '133004': GATEWAY_DOWN,
  SERVICE_UNAVAILABLE: GATEWAY_DOWN,
  ECONNREFUSED: NETWORK_REFUSED,
  ENOTFOUND: NETWORK_REFUSED,
  EAI_AGAIN: NETWORK_REFUSED,
  UND_ERR_CONNECT_TIMEOUT: NETWORK_REFUSED,
  REQUEST_REFUSED: NETWORK_REFUSED,
  TIMEOUT: {
    category: 'unknown',
    text: { id: 'Gateway tidak menjawab tepat waktu; pesan mungkin sudah atau belum terkirim.', en: 'The gateway did not answer in time; the message may or may not have been sent.' },
    action: AMBIGUOUS.action,
  },
  ECONNRESET: AMBIGUOUS,
  UND_ERR_SOCKET: AMBIGUOUS,
  ANSWER_CUT: AMBIGUOUS,
  NO_ID: AMBIGUOUS,
  CLIENT_ERROR: AMBIGUOUS,
  INTERRUPTED: {
    category: 'unknown',
    text: { id: 'Pengiriman terhenti (aplikasi ditutup atau mati) sebelum gateway menjawab.', en: 'Dispatch stopped (the app was closed or died) before the gateway answered.' },
    action: AMBIGUOUS.action,
  },
  UNDELIV: {
    category: 'number',
    text: { id: 'Operator seluler tidak dapat mengantarkan SMS (nomor tidak aktif atau di luar jangkauan terlalu lama).', en: 'The mobile operator could not deliver the SMS (number inactive or out of reach too long).' },
    action: { id: 'Periksa nomor Wajib Pajak di layar Kontak atau hubungi lewat telepon.', en: "Check the taxpayer's number on the Contacts screen, or call them." },
  },
  EMPTY_MESSAGE: {
    category: 'template',
    text: { id: 'Isi SMS kosong.', en: 'The SMS text was empty.' },
    action: { id: 'Periksa templat SMS tahap ini di layar Template Pesan.', en: "Check this stage's SMS template on the Templates screen." },
  },
  OFFICER: {
    category: 'officer',
    text: { id: 'Ditandai gagal oleh petugas.', en: 'Marked failed by an officer.' },
    action: { id: 'Lihat catatan petugas di riwayat pesan Wajib Pajak.', en: "See the officer's note in the taxpayer's message timeline." },
  },
  bill_paid: {
    category: 'cancelled',
    text: { id: 'Dibatalkan: semua tagihan dalam pesan sudah lunas.', en: 'Cancelled: every bill in the message is paid.' },
    action: { id: 'Tidak perlu tindakan.', en: 'Nothing to do.' },
  },
  bill_unpaid: {
    category: 'cancelled',
    text: { id: 'Dibatalkan: ucapan terima kasih untuk tagihan yang tidak lagi tercatat lunas (impor dibatalkan).', en: 'Cancelled: a thank-you for bills no longer recorded as paid (the import was undone).' },
    action: { id: 'Tidak perlu tindakan.', en: 'Nothing to do.' },
  },
  opted_out: {
    category: 'cancelled',
    text: { id: 'Dibatalkan: nomor ini meminta berhenti menerima pesan (STOP/BERHENTI).', en: 'Cancelled: this number asked to stop receiving messages (STOP/BERHENTI).' },
    action: { id: 'Jangan kirim lagi ke nomor ini; hubungi Wajib Pajak dengan cara lain bila perlu.', en: 'Do not message this number again; reach the taxpayer another way if needed.' },
  },
};

/** The explanation of one error code; a code not in the table gets a generic text that shows it. */
export function failureReason(code: string | null): FailureReason {
  const key = code ?? '';
  const entry = TABLE[key] ?? (/^HTTP_5\d\d$/.test(key) ? GATEWAY_DOWN : undefined);
  if (entry) return { code: key, known: true, ...entry };
  return {
    code: key,
    known: false,
    category: 'unknown',
    text: key
      ? { id: `Gateway menjawab dengan kode ${key} yang belum dikenal SI PEKA.`, en: `The gateway answered with code ${key}, which SI PEKA does not know.` }
      : { id: 'Gagal tanpa kode dari gateway.', en: 'Failed without a code from the gateway.' },
    action: { id: 'Lihat rincian pesan; bila berulang, laporkan kode ini ke administrator.', en: "Read the message's detail; if it keeps happening, report the code to the administrator." },
  };
}

/** One line for a report or a terminal: "what happened — what to do". */
export function failureReasonLine(code: string | null, language: 'id' | 'en'): string {
  const reason = failureReason(code);
  return `${reason.text[language]} ${reason.action[language]}`;
}
