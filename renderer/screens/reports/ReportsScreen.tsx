import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICER_REPORTS, REPORT_NAMES, type ReportName } from '../../../shared/api/reports';
import type { Role } from '../../../shared/roles';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { Page, Panel } from '../../components/Page';
import { useSignedInUser } from '../../session';
import { ReportJob } from './ReportJob';
import { GRAINS, type ReportForm, reportRequest } from './report-request';

/** `#/laporan`: choose a report and its period, follow its progress, download the workbook. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const offered = (me.role as Role) === 'officer' ? OFFICER_REPORTS : REPORT_NAMES;
  const today = useApi('ledger.summary', {});
  const asOf = today.data?.asOf ?? '';
  const [form, setForm] = useState<Omit<ReportForm, 'day' | 'month' | 'year'> & Partial<ReportForm>>({ report: offered[0] ?? 'arrears', grain: 'day', from: '', to: '', asOf: '' });
  const filled: ReportForm = { ...form, day: form.day ?? asOf, month: form.month ?? asOf.slice(0, 7), year: form.year ?? asOf.slice(0, 4) };
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useAction(async () => {
    setJobId(null);
    const { jobId: started } = await api.call('reports.start', reportRequest(filled));
    setJobId(started);
  });
  const choose = (report: ReportName) => setForm({ ...form, report, grain: GRAINS[report][0] ?? 'day' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start.run();
  };
  const grains = GRAINS[form.report];

  return (
    <Page title={t('nav.reports.label')} description={t('nav.reports.description')}>
      <Panel title={t('reports.chooseTitle')}>
        <form className="form" onSubmit={submit}>
          <div className="form-grid">
            <SelectField label={t('reports.report')} hint={t(`reports.explain.${form.report}`)} wide value={form.report} onChange={(e) => choose(e.target.value as ReportName)}>
              {offered.map((name) => (
                <option key={name} value={name}>
                  {t(`reports.names.${name}`)}
                </option>
              ))}
            </SelectField>
            {grains.length > 1 && (
              <SelectField label={t('reports.periodKind')} value={form.grain} onChange={(e) => setForm({ ...form, grain: e.target.value as ReportForm['grain'] })}>
                {grains.map((grain) => (
                  <option key={grain} value={grain}>
                    {t(`reports.${grain}`)}
                  </option>
                ))}
              </SelectField>
            )}
            {form.report === 'reconciliation' && form.grain === 'day' && <TextField label={t('reports.date')} type="date" required value={filled.day} onChange={(e) => setForm({ ...form, day: e.target.value })} />}
            {(form.report === 'reconciliation' || form.report === 'revenue') && form.grain === 'month' && (
              <TextField label={t('reports.monthField')} type="month" required value={filled.month} onChange={(e) => setForm({ ...form, month: e.target.value })} />
            )}
            {form.report === 'revenue' && form.grain === 'year' && <TextField label={t('reports.yearField')} type="number" min={2000} max={2100} required value={filled.year} onChange={(e) => setForm({ ...form, year: e.target.value })} />}
            {form.report === 'arrears' && <TextField label={t('reports.asOf')} type="date" value={form.asOf || asOf} onChange={(e) => setForm({ ...form, asOf: e.target.value })} />}
            {form.report === 'dispatch' && (
              <>
                <TextField label={t('reports.from')} type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
                <TextField label={t('reports.to')} type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
              </>
            )}
          </div>
          <div className="form-actions">
            <ErrorNotice error={start.error ?? today.error} />
            <button type="submit" className="button-primary" disabled={start.pending}>
              {t('reports.generate')}
            </button>
          </div>
        </form>
      </Panel>
      {jobId && <ReportJob jobId={jobId} />}
    </Page>
  );
}
