import type { TemplateChannel, TemplatePurpose } from './checks.js';

export interface DefaultTemplate {
  name: string;
  channel: TemplateChannel;
  purpose: TemplatePurpose;
  language: 'id';
  /** The name to register at Meta; WhatsApp only. */
  metaName: string | null;
  body: string;
}

const STAGE_NAMES: Record<TemplatePurpose, string> = {
  'H-14': 'Pengingat H-14',
  'H-7': 'Pengingat H-7',
  'H-3': 'Pengingat H-3',
  'H+1': 'Tunggakan H+1',
  'H+7': 'Tunggakan H+7',
  'H+30': 'Tunggakan H+30',
  thank_you: 'Terima kasih atas pembayaran',
};

/**
 * Drafts an agency starts from, for the head of division to adjust and approve. Every reminder
 * names the taxpayer and lists each bill with its tax type, object, amount, due date and
 * payment code (`{daftar_tagihan}`), because one message covers all of a taxpayer's bills and
 * each bill is paid with its own code. Before the due date the tone is friendly; after it,
 * firmer, with the penalty and, at H+30, the next step of collection. WhatsApp bodies end with
 * a line of text because Meta rejects a body that ends with a variable; SMS bodies use only
 * the GSM alphabet (straight quotes, plain hyphens) so they stay at 160/153 characters a part.
 */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  whatsapp('H-14', 'pengingat_pajak_h14', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Kami mengingatkan bahwa pajak daerah Bapak/Ibu akan jatuh tempo pada *{jatuh_tempo}* ({hari_lagi} hari lagi), dengan rincian:',
    '{daftar_tagihan}',
    '',
    'Total: *{total}*',
    'Cara pembayaran: {cara_bayar}.',
    '',
    'Terima kasih atas kepatuhan Bapak/Ibu.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Abaikan pesan ini apabila Bapak/Ibu sudah membayar._',
  ]),
  whatsapp('H-7', 'pengingat_pajak_h7', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Kami mengingatkan kembali bahwa pajak daerah Bapak/Ibu akan jatuh tempo pada *{jatuh_tempo}* ({hari_lagi} hari lagi), dengan rincian:',
    '{daftar_tagihan}',
    '',
    'Total: *{total}*',
    'Cara pembayaran: {cara_bayar}.',
    '',
    'Mohon membayar sebelum jatuh tempo agar tidak dikenakan denda. Terima kasih atas kepatuhan Bapak/Ibu.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Abaikan pesan ini apabila Bapak/Ibu sudah membayar._',
  ]),
  whatsapp('H-3', 'pengingat_pajak_h3', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Jatuh tempo pajak daerah Bapak/Ibu tinggal {hari_lagi} hari lagi, yaitu *{jatuh_tempo}*, dengan rincian:',
    '{daftar_tagihan}',
    '',
    'Total: *{total}*',
    'Cara pembayaran: {cara_bayar}.',
    '',
    'Pembayaran setelah jatuh tempo dikenakan denda sesuai peraturan daerah. Mohon segera melakukan pembayaran.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Abaikan pesan ini apabila Bapak/Ibu sudah membayar._',
  ]),
  whatsapp('H+1', 'tunggakan_pajak_h1', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Pajak daerah Bapak/Ibu telah melewati jatuh tempo *{jatuh_tempo}* dan pembayarannya belum kami terima:',
    '{daftar_tagihan}',
    '',
    'Total: *{total}* (termasuk denda {denda})',
    'Denda bertambah sesuai peraturan daerah sampai tagihan dilunasi. Mohon segera membayar.',
    'Cara pembayaran: {cara_bayar}.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Abaikan pesan ini apabila Bapak/Ibu sudah membayar._',
  ]),
  whatsapp('H+7', 'tunggakan_pajak_h7', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Sampai hari ini kami belum menerima pembayaran pajak daerah Bapak/Ibu yang jatuh tempo pada *{jatuh_tempo}* (terlambat {hari_lagi} hari):',
    '{daftar_tagihan}',
    '',
    'Total: *{total}* (termasuk denda {denda})',
    'Kami minta Bapak/Ibu segera melunasinya agar denda tidak terus bertambah.',
    'Cara pembayaran: {cara_bayar}.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Abaikan pesan ini apabila Bapak/Ibu sudah membayar._',
  ]),
  whatsapp('H+30', 'tunggakan_pajak_h30', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Pajak daerah Bapak/Ibu yang jatuh tempo pada *{jatuh_tempo}* telah terlambat {hari_lagi} hari dan belum dilunasi:',
    '{daftar_tagihan}',
    '',
    'Total: *{total}* (termasuk denda {denda})',
    'Kami minta Bapak/Ibu segera melunasinya. Apabila tidak, penagihan akan dilanjutkan dengan surat teguran.',
    'Cara pembayaran: {cara_bayar}.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Abaikan pesan ini apabila Bapak/Ibu sudah membayar._',
  ]),
  whatsapp('thank_you', 'terima_kasih_pembayaran_pajak', [
    'Yth. Bapak/Ibu {nama_wp}',
    'NPWPD {npwpd}',
    '',
    'Pembayaran pajak daerah Bapak/Ibu sebesar *{total}* telah kami terima, untuk tagihan:',
    '{daftar_tagihan}',
    '',
    'Terima kasih atas kepatuhan Anda membayar pajak daerah.',
    '',
    'Hormat kami,',
    '{nama_instansi}',
    'Informasi: {kontak_instansi}',
    '',
    '_Pesan ini adalah tanda terima pembayaran yang dikirim otomatis._',
  ]),

  sms('H-14', [
    'Yth. Bapak/Ibu {nama_wp}, kami ingatkan pajak daerah Anda jatuh tempo {hari_lagi} hari lagi:',
    '{daftar_tagihan}',
    'Total {total}. Bayar via {cara_bayar}. Abaikan bila sudah bayar. {nama_instansi}, {kontak_instansi}',
  ]),
  sms('H-7', [
    'Yth. Bapak/Ibu {nama_wp}, kami ingatkan kembali pajak daerah Anda jatuh tempo {hari_lagi} hari lagi:',
    '{daftar_tagihan}',
    'Total {total}. Bayar via {cara_bayar}. Abaikan bila sudah bayar. {nama_instansi}, {kontak_instansi}',
  ]),
  sms('H-3', [
    'Yth. Bapak/Ibu {nama_wp}, pajak daerah Anda jatuh tempo {hari_lagi} hari lagi:',
    '{daftar_tagihan}',
    'Total {total}. Bayar via {cara_bayar} agar tidak kena denda. Abaikan bila sudah bayar. {nama_instansi}, {kontak_instansi}',
  ]),
  sms('H+1', [
    'Yth. Bapak/Ibu {nama_wp}, pajak daerah Anda lewat jatuh tempo:',
    '{daftar_tagihan}',
    'Total {total} (denda {denda}, bertambah sampai lunas). Bayar via {cara_bayar}. Abaikan bila sudah bayar. {nama_instansi}, {kontak_instansi}',
  ]),
  sms('H+7', [
    'Yth. Bapak/Ibu {nama_wp}, pajak daerah Anda terlambat {hari_lagi} hari:',
    '{daftar_tagihan}',
    'Total {total} (denda {denda}). Mohon segera lunasi via {cara_bayar}. Abaikan bila sudah bayar. {nama_instansi}, {kontak_instansi}',
  ]),
  sms('H+30', [
    'Yth. Bapak/Ibu {nama_wp}, pajak Anda terlambat {hari_lagi} hari:',
    '{daftar_tagihan}',
    'Total {total} (denda {denda}). Lunasi via {cara_bayar} sebelum surat teguran terbit. Abaikan bila sudah bayar. {nama_instansi}, {kontak_instansi}',
  ]),
  sms('thank_you', [
    'Yth. Bapak/Ibu {nama_wp}, pembayaran pajak daerah sebesar {total} telah kami terima:',
    '{daftar_tagihan}',
    'Terima kasih atas kepatuhan Anda. {nama_instansi}',
  ]),
];

function whatsapp(purpose: TemplatePurpose, metaName: string, lines: readonly string[]): DefaultTemplate {
  return { name: `${STAGE_NAMES[purpose]} (WhatsApp)`, channel: 'whatsapp', purpose, language: 'id', metaName, body: lines.join('\n') };
}

function sms(purpose: TemplatePurpose, lines: readonly string[]): DefaultTemplate {
  return { name: `${STAGE_NAMES[purpose]} (SMS)`, channel: 'sms', purpose, language: 'id', metaName: null, body: lines.join('\n') };
}
