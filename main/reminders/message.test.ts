import { describe, expect, it } from 'vitest';
import { type BillData, DEFAULT_TEMPLATES, metaParameterValues, renderWhatsAppText, templateValues } from '../../shared/templates/index.js';
import { reminderMessage } from './message.js';
import { chooseChannel } from './reach.js';

const bill = (n: number): BillData => ({
  taxTypeLabel: 'PBJT Makanan dan/atau Minuman',
  nop: `NOP-${n}`,
  objectName: `RM ${n}`,
  masaPajak: '2026-10',
  principal: 100_000 * n,
  penalty: 0,
  dueDate: '2026-11-30',
  kodeBayar: `KB${n}`,
  nomorVa: null,
});
const data = (bills: BillData[]) => ({ taxpayer: { name: 'RM Pindang', npwpd: 'P.1' }, bills, agency: { name: 'BPPD', contact: '0712', howToPay: 'Bank Sumsel Babel' }, today: '2026-11-27' });

describe('a reminder message', () => {
  it('lists two bills and says how many more the total covers', () => {
    const m = reminderMessage({ body: '{daftar_tagihan}\nTotal {total}', channel: 'sms' }, data([bill(1), bill(2), bill(3)]));
    expect(m.body).toContain('1. PBJT');
    expect(m.body).toContain('2. PBJT');
    expect(m.body).toContain('3. dan 1 tagihan lain dengan jatuh tempo yang sama');
    expect(m.body).not.toContain('KB3');
    expect(m.body).toContain('Total Rp 600.000');
    expect(m.parameters).toEqual([]);
  });

  it('sends WhatsApp values as Meta parameters, on one line', () => {
    const m = reminderMessage({ body: 'Yth. {nama_wp}: {daftar_tagihan}. Terima kasih.', channel: 'whatsapp' }, data([bill(1), bill(2)]));
    expect(m.parameters[0]).toBe('RM Pindang');
    expect(m.parameters[1]).not.toContain('\n');
    expect(m.body).toContain('Yth. RM Pindang');
  });

  it('renders WhatsApp exactly as the templates module does', () => {
    for (const template of DEFAULT_TEMPLATES.filter((d) => d.channel === 'whatsapp' && d.purpose !== 'thank_you')) {
      const m = reminderMessage(template, data([bill(1), bill(2)]));
      const values = templateValues(data([bill(1), bill(2)]), 'id');
      expect(m).toEqual({ body: renderWhatsAppText(template.body, values), parameters: metaParameterValues(template.body, values) });
    }
  });
});

describe('choosing a channel', () => {
  const none = new Map();
  const all = () => true;

  it('takes WhatsApp first and SMS when there is no WhatsApp number', () => {
    expect(chooseChannel(['whatsapp', 'sms'], { whatsapp: '+62811', sms: '+62811' }, none, all)).toEqual({ channel: 'whatsapp', recipient: '+62811' });
    expect(chooseChannel(['whatsapp', 'sms'], { whatsapp: null, sms: '+62812' }, none, all)).toEqual({ channel: 'sms', recipient: '+62812' });
  });

  it('falls back to SMS when the WhatsApp template is not approved', () => {
    expect(chooseChannel(['whatsapp', 'sms'], { whatsapp: '+62811', sms: '+62811' }, none, (c) => c === 'sms')).toEqual({ channel: 'sms', recipient: '+62811' });
  });

  it('says why nobody can be messaged', () => {
    expect(chooseChannel(['whatsapp', 'sms'], { whatsapp: null, sms: null }, none, all)).toEqual({ channel: null, reason: 'no_contact' });
    expect(chooseChannel(['whatsapp', 'sms'], { whatsapp: '+62811', sms: '+62811' }, new Map([['+62811', 'office_number' as const]]), all)).toEqual({ channel: 'whatsapp', reason: 'office_number' });
    expect(chooseChannel(['sms'], { whatsapp: null, sms: '+62811' }, new Map([['+62811', 'opted_out' as const]]), all)).toEqual({ channel: 'sms', reason: 'opted_out' });
    expect(chooseChannel(['whatsapp', 'sms'], { whatsapp: '+62811', sms: '+62811' }, none, () => false)).toEqual({ channel: 'whatsapp', reason: 'template_not_approved' });
  });
});
