import { describe, expect, it } from 'vitest';
import { checkTemplate, isReminderPurpose, TEMPLATE_CHANNELS, TEMPLATE_PURPOSES } from './checks.js';
import { DEFAULT_TEMPLATES } from './defaults.js';
import { renderTemplate } from './render.js';
import { LONG_SAMPLE_MESSAGE, SAMPLE_MESSAGE } from './samples.js';
import { smsInfo } from './sms.js';
import { templateValues, type BillData } from './values.js';
import { isValidMetaName, renderWhatsAppText, WHATSAPP_BODY_LIMIT } from './whatsapp.js';

describe('DEFAULT_TEMPLATES', () => {
  it('has one draft per purpose and channel', () => {
    const keys = DEFAULT_TEMPLATES.map((t) => `${t.channel} ${t.purpose}`);
    expect(keys.sort()).toEqual(TEMPLATE_CHANNELS.flatMap((channel) => TEMPLATE_PURPOSES.map((purpose) => `${channel} ${purpose}`)).sort());
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.name, t] as const))('%s passes every check', (_name, template) => {
    expect(checkTemplate(template)).toEqual([]);
  });

  it('gives each WhatsApp draft its own valid Meta name, and SMS none', () => {
    const names = DEFAULT_TEMPLATES.filter((t) => t.channel === 'whatsapp').map((t) => t.metaName ?? '');
    expect(names.every(isValidMetaName)).toBe(true);
    expect(new Set(names).size).toBe(7);
    expect(DEFAULT_TEMPLATES.filter((t) => t.channel === 'sms').every((t) => t.metaName === null)).toBe(true);
  });

  it('keeps WhatsApp drafts within 1024 characters for the worst-case sample', () => {
    const longest = templateValues(LONG_SAMPLE_MESSAGE);
    for (const t of DEFAULT_TEMPLATES.filter((t) => t.channel === 'whatsapp')) expect(renderWhatsAppText(t.body, longest).length).toBeLessThanOrEqual(WHATSAPP_BODY_LIMIT);
  });

  it('keeps SMS drafts in GSM-7 and at most three parts for one bill, with a penalty once overdue', () => {
    const bill = SAMPLE_MESSAGE.bills[0] as BillData;
    const typical = templateValues(SAMPLE_MESSAGE);
    const overdue = templateValues({ ...SAMPLE_MESSAGE, today: '2026-10-10', bills: [{ ...bill, penalty: 12_500 }] });
    for (const t of DEFAULT_TEMPLATES.filter((t) => t.channel === 'sms')) {
      for (const values of [typical, overdue]) expect(smsInfo(renderTemplate(t.body, values))).toMatchObject({ encoding: 'GSM-7', parts: expect.toSatisfy((parts: number) => parts <= 3) });
    }
  });

  it('tells how to pay and who is writing in every reminder, and mentions the penalty after the due date', () => {
    for (const t of DEFAULT_TEMPLATES.filter((t) => isReminderPurpose(t.purpose))) {
      expect(t.body).toContain('{cara_bayar}');
      expect(t.body).toContain('{nama_instansi}');
      expect(t.body).toContain('{kontak_instansi}');
      if (t.purpose.startsWith('H+')) expect(t.body).toContain('{denda}');
    }
  });
});
