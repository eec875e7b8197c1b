import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_STATUSES } from '../../../shared/api/templates';
import { TEMPLATE_CHANNELS, TEMPLATE_PURPOSES } from '../../../shared/templates/index';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Instant } from '../../components/Instant';
import { hrefTo } from '../../router';
import { MetaBadge, StatusBadge, type TemplateRow, templatePath, UsableBadge, useChannelLabel, useLanguageLabel, usePurposeLabel } from './template-facts';

interface Filter {
  status: string;
  channel: string;
  purpose: string;
  allVersions: boolean;
}

/**
 * Every template, one row per family (its newest version) unless all versions are asked for,
 * in the order of the reminder calendar. A family whose newest version is still in the works
 * says which older version is sent meanwhile.
 */
export function TemplateList() {
  const { t } = useTranslation();
  const channelLabel = useChannelLabel();
  const purposeLabel = usePurposeLabel();
  const languageLabel = useLanguageLabel();
  const [filter, setFilter] = useState<Filter>({ status: '', channel: '', purpose: '', allVersions: false });
  const list = useApi('templates.list', {});
  const all = list.data?.rows;
  const inUse = useMemo(() => new Map((all ?? []).filter((row) => row.usable).map((row) => [row.familyId, row])), [all]);
  const rows = (all ?? []).filter(
    (row) =>
      (filter.allVersions || row.latest) &&
      (!filter.status || row.status === filter.status) &&
      (!filter.channel || row.channel === filter.channel) &&
      (!filter.purpose || row.purpose === filter.purpose),
  );
  return (
    <>
      <div className="filter-bar filter-bar-compact" role="search" aria-label={t('templates.list.filters')}>
        <SelectField label={t('templates.list.status')} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
          <option value="">{t('templates.list.all')}</option>
          {TEMPLATE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`templates.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('templates.editor.channel')} value={filter.channel} onChange={(e) => setFilter({ ...filter, channel: e.target.value })}>
          <option value="">{t('templates.list.all')}</option>
          {TEMPLATE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(channel)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('templates.editor.purpose')} value={filter.purpose} onChange={(e) => setFilter({ ...filter, purpose: e.target.value })}>
          <option value="">{t('templates.list.all')}</option>
          {TEMPLATE_PURPOSES.map((purpose) => (
            <option key={purpose} value={purpose}>
              {purposeLabel(purpose)}
            </option>
          ))}
        </SelectField>
        <label className="check-field">
          <input type="checkbox" checked={filter.allVersions} onChange={(e) => setFilter({ ...filter, allVersions: e.target.checked })} />
          {t('templates.list.allVersions')}
        </label>
      </div>
      {list.loading && !list.data && <Loading />}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data && rows.length === 0 && <EmptyState>{t(all?.length ? 'templates.list.noMatch' : 'templates.list.empty')}</EmptyState>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table template-table" aria-label={t('templates.list.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('templates.list.name')}</th>
                <th scope="col">{t('templates.editor.channel')}</th>
                <th scope="col">{t('templates.editor.purpose')}</th>
                <th scope="col">{t('templates.editor.language')}</th>
                <th scope="col" className="num">
                  {t('templates.list.version')}
                </th>
                <th scope="col">{t('templates.list.status')}</th>
                <th scope="col">{t('templates.list.lastChange')}</th>
                <th scope="col">{t('templates.list.usable')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a className="cell-main" href={hrefTo(templatePath(row.id))}>
                      {row.name}
                    </a>
                    <span className="cell-sub mono">{row.metaName ?? ''}</span>
                  </td>
                  <td className="nowrap">{channelLabel(row.channel)}</td>
                  <td className="nowrap">{purposeLabel(row.purpose)}</td>
                  <td className="nowrap">{languageLabel(row.language)}</td>
                  <td className="num">{row.version}</td>
                  <td>
                    <span className="badge-stack">
                      <StatusBadge status={row.status} />
                      <MetaBadge channel={row.channel} metaStatus={row.metaStatus} status={row.status} />
                    </span>
                  </td>
                  <td className="template-changed">
                    <Instant iso={row.updatedAt} />
                    <span className="cell-sub">{row.updatedBy}</span>
                  </td>
                  <td>
                    <UsableCell row={row} inUse={inUse.get(row.familyId)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function UsableCell({ row, inUse }: { row: TemplateRow; inUse: TemplateRow | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <UsableBadge version={row} />
      {!row.usable && inUse && <span className="usable-meanwhile">{t('templates.list.sentMeanwhile', { version: inUse.version })}</span>}
    </>
  );
}
