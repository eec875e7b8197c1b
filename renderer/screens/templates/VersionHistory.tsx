import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import { Page } from '../../components/Page';
import { hrefTo } from '../../router';
import { BodyDiff, FieldChanges } from './TemplateDiff';
import { MetaBadge, StatusBadge, type TemplateDetail, templatePath, UsableBadge } from './template-facts';
import { BackLink } from './TemplateEditor';

type Version = TemplateDetail['versions'][number];

/** `#/template/<id>/riwayat`: every version of the template's family, newest first, each with what it changed. */
export function VersionHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useApi('templates.get', { id });
  const data = detail.data;
  return (
    <Page title={data ? t('templates.history.title', { name: data.template.name }) : t('templates.history.titlePlain')}>
      <BackLink />
      {detail.loading && !data && <Loading />}
      <ErrorNotice error={detail.error} onRetry={detail.reload} />
      {data && (
        <ol className="versions" aria-label={t('templates.history.listLabel')}>
          {[...data.versions].reverse().map((version) => (
            <VersionEntry key={version.id} version={version} inForce={version.id === data.inForceId} current={version.id === id} />
          ))}
        </ol>
      )}
    </Page>
  );
}

function VersionEntry({ version, inForce, current }: { version: Version; inForce: boolean; current: boolean }) {
  const { t } = useTranslation();
  const first = version.diff.before === null;
  const label = t('templates.history.bodyChanges', { version: version.version });
  return (
    <li className={current ? 'panel version version-current' : 'panel version'} aria-label={t('templates.versionLabel', { version: version.version })}>
      <div className="version-head">
        <h2>{t('templates.versionLabel', { version: version.version })}</h2>
        <StatusBadge status={version.status} />
        <MetaBadge channel={version.channel} metaStatus={version.metaStatus} status={version.status} />
        <UsableBadge version={version} />
        {inForce && <span className="badge badge-info">{t('templates.history.inForce')}</span>}
        <a className="version-open" href={hrefTo(templatePath(version.id))}>
          {t('templates.history.open', { version: version.version })}
        </a>
      </div>
      <ul className="version-steps">
        <li>
          {t('templates.history.created', { user: version.createdBy })} <Instant iso={version.createdAt} />
        </li>
        {version.updatedAt !== version.createdAt && (
          <li>
            {t('templates.history.updated', { user: version.updatedBy })} <Instant iso={version.updatedAt} />
          </li>
        )}
        {version.submittedBy && version.submittedAt && (
          <li>
            {t('templates.history.submitted', { user: version.submittedBy })} <Instant iso={version.submittedAt} />
          </li>
        )}
        {version.decidedBy && version.decidedAt && (
          <li>
            {t(version.status === 'rejected' ? 'templates.history.rejected' : 'templates.history.decided', { user: version.decidedBy })} <Instant iso={version.decidedAt} />
          </li>
        )}
      </ul>
      {version.rejectReason && <p className="reject-reason">“{version.rejectReason}”</p>}
      <h3 className="version-subhead">{first ? t('templates.history.firstVersion') : t('templates.history.against', { before: version.diff.before })}</h3>
      <FieldChanges fields={version.diff.fields} />
      {version.diff.patch === null && !first ? <p className="muted">{t('templates.history.bodyUnchanged')}</p> : <BodyDiff words={version.diff.words} patch={first ? null : version.diff.patch} label={label} />}
    </li>
  );
}
