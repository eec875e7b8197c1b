import { describe, expect, it } from 'vitest';
import { checkTemplate, TEMPLATE_ISSUE_CODES, type TemplateDraft, type TemplateIssue } from './checks.js';
import { SAMPLE_MESSAGE } from './samples.js';
import { templateValues } from './values.js';

const complete = 'Yth. {nama_wp}, tagihan Anda:\n{daftar_tagihan}\nCara bayar: {cara_bayar}. Terima kasih.';
const whatsapp = (body: string, extra: Partial<TemplateDraft> = {}): TemplateDraft => ({ channel: 'whatsapp', purpose: 'H-3', body, metaName: 'pengingat_pajak_h3', language: 'id', ...extra });
const sms = (body: string, extra: Partial<TemplateDraft> = {}): TemplateDraft => ({ channel: 'sms', purpose: 'H-3', body, language: 'id', ...extra });
const codes = (issues: TemplateIssue[]) => issues.map((issue) => issue.code);

describe('checkTemplate, any channel', () => {
  it('passes a complete reminder', () => {
    expect(checkTemplate(whatsapp(complete))).toEqual([]);
    expect(checkTemplate(sms(complete))).toEqual([]);
  });

  it('reports an empty body and nothing else', () => {
    expect(checkTemplate(whatsapp(' \n '))).toEqual([{ code: 'empty_body', severity: 'error', params: {} }]);
  });

  it('reports unknown and malformed placeholders where they were typed', () => {
    const body = `${complete} {nama} {Nama_WP} {nop {{1}}`;
    const at = complete.length;
    expect(checkTemplate(sms(body))).toEqual([
      { code: 'unknown_placeholder', severity: 'error', start: at + 1, end: at + 7, params: { name: 'nama', suggestion: '' } },
      { code: 'unknown_placeholder', severity: 'error', start: at + 8, end: at + 17, params: { name: 'Nama_WP', suggestion: 'nama_wp' } },
      { code: 'malformed_placeholder', severity: 'error', start: at + 18, end: at + 22, params: { reason: 'unclosed', text: '{nop' } },
      { code: 'malformed_placeholder', severity: 'error', start: at + 23, end: at + 28, params: { reason: 'double_braces', text: '{{1}}' } },
    ]);
  });

  it('lists each KF-03 requirement a reminder misses', () => {
    const issues = checkTemplate(sms('Yth. {nama_wp}, kode bayar {kode_bayar}, cara bayar {cara_bayar}.'));
    expect(issues.filter((i) => i.code === 'missing_required')).toEqual([
      { code: 'missing_required', severity: 'error', params: { requirement: 'tax_type', placeholders: 'jenis_pajak, daftar_tagihan' } },
      { code: 'missing_required', severity: 'error', params: { requirement: 'object', placeholders: 'nop, objek_pajak, daftar_tagihan' } },
      { code: 'missing_required', severity: 'error', params: { requirement: 'amount', placeholders: 'jumlah_tagihan, total, daftar_tagihan' } },
      { code: 'missing_required', severity: 'error', params: { requirement: 'due_date', placeholders: 'jatuh_tempo, daftar_tagihan' } },
    ]);
  });

  it('accepts the single fields in place of the list', () => {
    const body = 'Yth. {nama_wp}, {jenis_pajak} {objek_pajak} sebesar {total} jatuh tempo {jatuh_tempo}, kode bayar {kode_bayar}. Cara bayar: {cara_bayar}.';
    expect(checkTemplate(sms(body))).toEqual([]);
    expect(codes(checkTemplate(sms(body.replace('{objek_pajak}', '{nop}').replace('{total}', '{jumlah_tagihan}'))))).toEqual([]);
  });

  it('asks for the taxpayer name even when the list is there', () => {
    expect(checkTemplate(sms('Tagihan:\n{daftar_tagihan}\nCara bayar: {cara_bayar}.'))).toEqual([
      { code: 'missing_required', severity: 'error', params: { requirement: 'name', placeholders: 'nama_wp' } },
    ]);
  });

  it('warns when a reminder has no payment code or no way to pay', () => {
    expect(checkTemplate(sms('Yth. {nama_wp}, {jenis_pajak} {nop} {total} jatuh tempo {jatuh_tempo}.'))).toEqual([
      { code: 'missing_payment_info', severity: 'warning', params: { requirement: 'payment_code', placeholders: 'kode_bayar, nomor_va, daftar_tagihan' } },
      { code: 'missing_payment_info', severity: 'warning', params: { requirement: 'how_to_pay', placeholders: 'cara_bayar' } },
    ]);
  });

  it('asks nothing of a thank-you message', () => {
    expect(checkTemplate(sms('Terima kasih atas kepatuhan Anda.', { purpose: 'thank_you' }))).toEqual([]);
  });
});

describe('checkTemplate, WhatsApp', () => {
  const thanks = (body: string) => whatsapp(body, { purpose: 'thank_you' });

  it('accepts 1024 characters and refuses 1025', () => {
    expect(checkTemplate(thanks('a'.repeat(1024)))).toEqual([]);
    expect(checkTemplate(thanks('a'.repeat(1025)))).toEqual([{ code: 'too_long_whatsapp', severity: 'error', params: { length: 1025, limit: 1024 } }]);
  });

  it('measures the message with the longest values given', () => {
    const body = 'Terima kasih, {nama_wp}.';
    const longest = (nameLength: number) => ({ ...templateValues(SAMPLE_MESSAGE), nama_wp: 'N'.repeat(nameLength) });
    expect(checkTemplate(thanks(body), longest(1024 - 15))).toEqual([]);
    expect(codes(checkTemplate(thanks(body), longest(1025 - 15)))).toEqual(['too_long_whatsapp']);
  });

  it('measures with the built-in worst case when no values are given', () => {
    const body = `Terima kasih, {nama_wp}. ${'a'.repeat(1000)}`;
    expect(checkTemplate(thanks(body), { ...templateValues(SAMPLE_MESSAGE), nama_wp: 'N' })).toEqual([]);
    expect(codes(checkTemplate(thanks(body)))).toEqual(['too_long_whatsapp']);
  });

  it('measures the one-line bill list that is actually sent', () => {
    const values = { ...templateValues(SAMPLE_MESSAGE), daftar_tagihan: `1. ${'a'.repeat(500)}\n2. ${'b'.repeat(500)}` };
    // 3 + 500 + "; " + 3 + 500 = 1008 characters, + "Lunas: " (7) and "." = 1016
    expect(checkTemplate(thanks('Lunas: {daftar_tagihan}.'), values)).toEqual([]);
  });

  it('needs a valid Meta name', () => {
    expect(checkTemplate(whatsapp(complete, { metaName: null }))).toEqual([{ code: 'meta_name_missing', severity: 'error', params: {} }]);
    expect(checkTemplate(whatsapp(complete, { metaName: 'Pengingat H-3' }))).toEqual([{ code: 'meta_name_invalid', severity: 'error', params: { name: 'Pengingat H-3' } }]);
  });

  it('refuses a variable at the start or end of the body', () => {
    const body = `${complete}\n{kontak_instansi}`;
    expect(checkTemplate(whatsapp(body))).toEqual([
      { code: 'meta_variable_at_edge', severity: 'error', start: complete.length + 1, end: body.length, params: { placeholder: 'kontak_instansi' } },
    ]);
  });

  it('warns of two variables with nothing between them', () => {
    const body = complete.replace('{nama_wp}', '{nama_wp} {npwpd}');
    expect(checkTemplate(whatsapp(body))).toEqual([{ code: 'meta_variables_adjacent', severity: 'warning', start: 5, end: 22, params: { placeholder: 'npwpd' } }]);
  });

  it('does not apply SMS rules', () => {
    expect(checkTemplate(thanks(`“Terima kasih” ${'a'.repeat(600)}`))).toEqual([]);
  });
});

describe('checkTemplate, SMS', () => {
  const thanks = (body: string) => sms(body, { purpose: 'thank_you' });

  it('warns above three parts', () => {
    expect(checkTemplate(thanks('a'.repeat(459)))).toEqual([]);
    expect(checkTemplate(thanks('a'.repeat(460)))).toEqual([{ code: 'sms_many_parts', severity: 'warning', params: { parts: 4, limit: 3, encoding: 'GSM-7', length: 460 } }]);
  });

  it('names the characters that force UCS-2 and points at the first', () => {
    expect(checkTemplate(thanks('Terima kasih atas “kepatuhan” Anda – BPPD'))).toEqual([
      { code: 'sms_ucs2', severity: 'warning', start: 18, end: 19, params: { characters: '“ ” –', count: 3 } },
    ]);
  });

  it('reports UCS-2 brought in by a value without pointing into the body', () => {
    const values = { ...templateValues(SAMPLE_MESSAGE), nama_wp: 'RM Mak’e' };
    expect(checkTemplate(thanks('Terima kasih, {nama_wp}.'), values)).toEqual([{ code: 'sms_ucs2', severity: 'warning', params: { characters: '’', count: 1 } }]);
  });

  it('does not apply WhatsApp rules', () => {
    expect(checkTemplate(thanks('{nama_wp}'))).toEqual([]);
  });
});

describe('TEMPLATE_ISSUE_CODES', () => {
  it('holds every code once', () => {
    expect(new Set(TEMPLATE_ISSUE_CODES).size).toBe(TEMPLATE_ISSUE_CODES.length);
  });
});
