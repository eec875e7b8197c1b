import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { PLAN_SKIP_REASONS } from '../../../shared/api/reminders';
import { formatDate } from '../../../shared/format';
import { api } from '../../api/client';
import { mayCall } from '../../api/permissions';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { useLanguage } from '../../i18n';
import { useSignedInUser } from '../../session';

type Plan = Out<'reminders.plan'>;

/**
 * The plan date and "Rencanakan hari ini": a dry run first, so the officer sees how many
 * messages today's plan makes (and why others are skipped) before any is created.
 */
export function PlanControls({ onPlanned }: { onPlanned(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatNumber = useNumberFormat();
  const user = useSignedInUser();
  const canPlan = mayCall(user.role, 'reminders.plan');
  const runs = useApi('reminders.planRuns', { limit: 1 });
  const [preview, setPreview] = useState<Plan | null>(null);
  const [done, setDone] = useState<Plan | null>(null);
  const dryRun = useAction(async () => {
    setDone(null);
    setPreview(await api.call('reminders.plan', { dryRun: true }));
  });
  const confirm = useAction(async (date: string) => {
    const plan = await api.call('reminders.plan', { date, dryRun: false });
    setPreview(null);
    setDone(plan);
    runs.reload();
    onPlanned();
  });
  const last = runs.data?.runs[0];
  const planDate = preview?.date ?? done?.date ?? last?.planDate;
  return (
    <div className="reminders-plan">
      <div className="reminders-plan-head">
        <p>
          <span className="muted">{t('reminders.planDate')}: </span>
          <strong>{planDate ? formatDate(planDate, language) : '…'}</strong>
        </p>
        {last ? (
          <p className="muted">{t('reminders.plan.lastRun', { date: formatDate(last.planDate, language), n: formatNumber(last.planned), actor: last.actor })}</p>
        ) : (
          runs.data && <p className="muted">{t('reminders.plan.noRun')}</p>
        )}
        {canPlan && (
          <button type="button" className="button-primary" disabled={dryRun.pending || confirm.pending} onClick={() => void dryRun.run()}>
            {t('reminders.plan.button')}
          </button>
        )}
      </div>
      <ErrorNotice error={dryRun.error ?? confirm.error ?? runs.error} />
      {done && <SuccessNotice>{t('reminders.plan.done', { n: formatNumber(done.planned), date: formatDate(done.date, language) })}</SuccessNotice>}
      {preview && (
        <section className="reminders-preview" aria-label={t('reminders.plan.preview', { date: formatDate(preview.date, language) })}>
          <h2>{t('reminders.plan.preview', { date: formatDate(preview.date, language) })}</h2>
          <p className="panel-note">{t('reminders.plan.previewNote')}</p>
          <dl className="facts facts-narrow">
            <dt>{t('reminders.plan.planned')}</dt>
            <dd className="strong" data-testid="plan-preview-count">
              {formatNumber(preview.planned)}
            </dd>
            {Object.entries(preview.by_stage).map(([stage, n]) => (
              <PreviewLine key={stage} label={stage} n={n} />
            ))}
            <PreviewLine label={t('reminders.channels.whatsapp')} n={preview.by_channel.whatsapp} />
            <PreviewLine label={t('reminders.channels.sms')} n={preview.by_channel.sms} />
            {PLAN_SKIP_REASONS.filter((reason) => preview.skipped[reason] > 0).map((reason) => (
              <PreviewLine key={reason} label={`${t('reminders.plan.skipped')}: ${t(`reminders.skip.${reason}`)}`} n={preview.skipped[reason]} />
            ))}
          </dl>
          <div className="button-row">
            <button type="button" className="button-primary" disabled={confirm.pending || preview.planned === 0} onClick={() => void confirm.run(preview.date)}>
              {t('reminders.plan.confirm', { n: formatNumber(preview.planned) })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('reminders.plan.cancel')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function PreviewLine({ label, n }: { label: string; n: number }) {
  const formatNumber = useNumberFormat();
  return (
    <>
      <dt>{label}</dt>
      <dd>{formatNumber(n)}</dd>
    </>
  );
}
