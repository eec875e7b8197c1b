import { describe, expect, it } from 'vitest';
import { mergeContent } from './content.js';

const sms = { name: 'Terima kasih (SMS)', channel: 'sms', language: 'id', purpose: 'thank_you', body: 'Terima kasih, {nama_wp}.' } as const;

describe('template content as stored', () => {
  it('files a new WhatsApp template under UTILITY unless told otherwise', () => {
    expect(mergeContent(null, { ...sms, channel: 'whatsapp', metaName: 'terima_kasih' })).toMatchObject({ metaName: 'terima_kasih', metaCategory: 'UTILITY' });
  });

  it('drops the Meta fields of an SMS, also when a WhatsApp template becomes one', () => {
    const whatsapp = mergeContent(null, { ...sms, channel: 'whatsapp', metaName: 'terima_kasih' });
    expect(mergeContent(whatsapp, { channel: 'sms' })).toMatchObject({ channel: 'sms', metaName: null, metaCategory: null });
  });

  it('keeps the fields an edit does not name', () => {
    const base = mergeContent(null, sms);
    expect(mergeContent(base, { body: 'Terima kasih banyak, {nama_wp}.', name: undefined })).toEqual({ ...base, body: 'Terima kasih banyak, {nama_wp}.' });
  });
});
