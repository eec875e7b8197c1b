import { describe, expect, it } from 'vitest';
import { readDeliveryReports } from './sms-delivery-report.js';
import { smsHttpConfigSchema } from './sms-http-config.js';

const config = smsHttpConfigSchema.parse({ url: 'http://provider.test/send', dlrIdField: 'msgid', dlrStatusField: 'stat', dlrErrorField: 'err', permanentErrors: ['UNDELIV', '014'] });

describe('reading SMS delivery reports', () => {
  it('reads a form, a query and a JSON list the same way', () => {
    const form = readDeliveryReports(config, new URLSearchParams(), 'msgid=a1&stat=DELIVRD&err=000', 'application/x-www-form-urlencoded');
    const query = readDeliveryReports(config, new URLSearchParams('msgid=a1&stat=DELIVRD&err=000'), '', undefined);
    const json = readDeliveryReports(config, new URLSearchParams(), JSON.stringify([{ msgid: 'a1', stat: 'DELIVRD', err: '000' }]), 'application/json');
    for (const read of [form, query, json]) expect(read).toEqual({ reports: [{ id: 'a1', ref: null, status: 'delivered', providerStatus: 'DELIVRD', errorCode: '000', invalidNumber: false }], ignored: 0 });
  });

  it('maps statuses whatever their case, and ignores unknown statuses and reports without an id', () => {
    const { reports, ignored } = readDeliveryReports(config, new URLSearchParams(), JSON.stringify([{ msgid: 'a', stat: 'delivrd' }, { msgid: 'b', stat: 'BUFFERED' }, { stat: 'DELIVRD' }]), 'application/json');
    expect(reports.map((r) => [r.id, r.status])).toEqual([['a', 'delivered']]);
    expect(ignored).toBe(2);
  });

  it('names an invalid number when the failed status or its error code is listed as permanent', () => {
    const read = (body: string) => readDeliveryReports(config, new URLSearchParams(), body, 'application/x-www-form-urlencoded').reports[0];
    expect(read('msgid=a&stat=UNDELIV&err=001')).toMatchObject({ status: 'failed', invalidNumber: true });
    expect(read('msgid=a&stat=EXPIRED&err=014')).toMatchObject({ status: 'failed', invalidNumber: true });
    expect(read('msgid=a&stat=EXPIRED&err=069')).toMatchObject({ status: 'failed', invalidNumber: false });
  });
});
