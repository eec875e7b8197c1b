import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../components/Feedback';
import { Modal } from '../../components/Modal';
import { Page, Panel } from '../../components/Page';
import { parseAllowlist } from './allowlist';
import { PartnerForm, type PartnerFields } from './PartnerForm';
import { SecretBox } from './SecretBox';

type Partner = Out<'partners.list'>['partners'][number];
const EMPTY: PartnerFields = { name: '', id: '', ipAllowlist: '', vaPrefix: '' };

/** Mitra Pembayaran: the banks and e-wallets that may call the partner API, for the administrator. */
export function PartnersScreen() {
  const { t } = useTranslation();
  const partners = useApi('partners.list', {});
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const [editing, setEditing] = useState<Partner | null>(null);
  const [done, setDone] = useState('');
  const [addKey, setAddKey] = useState(0);

  const toggle = useAction(async (partner: Partner) => {
    await api.call(partner.active ? 'partners.disable' : 'partners.enable', { id: partner.id });
    setDone(t(partner.active ? 'partners.disabled' : 'partners.enabled', { id: partner.id }));
    partners.reload();
  });
  const rotate = useAction(async (partner: Partner) => {
    if (!window.confirm(t('partners.rotateConfirm', { id: partner.id }))) return;
    const rotated = await api.call('partners.rotateSecret', { id: partner.id });
    setSecret({ id: partner.id, secret: rotated.secret });
    partners.reload();
  });
  const add = useAction(async (fields: PartnerFields) => {
    const added = await api.call('partners.add', {
      name: fields.name.trim(),
      id: fields.id.trim() || undefined,
      ipAllowlist: parseAllowlist(fields.ipAllowlist),
      vaPrefix: fields.vaPrefix.trim() || undefined,
    });
    setSecret({ id: added.partner.id, secret: added.secret });
    setAddKey((k) => k + 1);
    partners.reload();
  });
  const update = useAction(async (partner: Partner, fields: PartnerFields) => {
    await api.call('partners.update', { id: partner.id, name: fields.name.trim(), ipAllowlist: parseAllowlist(fields.ipAllowlist), vaPrefix: fields.vaPrefix.trim() || undefined });
    setEditing(null);
    setDone(t('partners.saved', { id: partner.id }));
    partners.reload();
  });

  return (
    <Page title={t('nav.partners.label')} description={t('nav.partners.description')}>
      {secret && <SecretBox partnerId={secret.id} secret={secret.secret} onDone={() => setSecret(null)} />}
      <Panel title={t('partners.listTitle')}>
        <SuccessNotice>{done}</SuccessNotice>
        {partners.loading && !partners.data && <Loading />}
        <ErrorNotice error={partners.error ?? toggle.error ?? rotate.error} onRetry={partners.reload} />
        {partners.data?.partners.length === 0 && <EmptyState>{t('partners.empty')}</EmptyState>}
        {partners.data && partners.data.partners.length > 0 && (
          <table className="table" aria-label={t('partners.listTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('partners.id')}</th>
                <th scope="col">{t('partners.name')}</th>
                <th scope="col">{t('partners.vaPrefix')}</th>
                <th scope="col">{t('partners.allowlist')}</th>
                <th scope="col">{t('partners.status')}</th>
                <th scope="col">{t('partners.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.data.partners.map((partner) => (
                <tr key={partner.id}>
                  <td className="mono">{partner.id}</td>
                  <td>{partner.name}</td>
                  <td className="mono">{partner.vaPrefix}</td>
                  <td className="mono">{partner.ipAllowlist.join(', ')}</td>
                  <td>{partner.active ? <span className="badge badge-on">{t('partners.active')}</span> : <span className="badge badge-off">{t('partners.inactive')}</span>}</td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button-small" onClick={() => setEditing(partner)}>
                        {t('partners.edit')}
                      </button>
                      <button type="button" className="button-small" disabled={toggle.pending} onClick={() => void toggle.run(partner)}>
                        {t(partner.active ? 'partners.disable' : 'partners.enable')}
                      </button>
                      <button type="button" className="button-small" disabled={rotate.pending} onClick={() => void rotate.run(partner)}>
                        {t('partners.rotate')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title={t('partners.addTitle')}>
        <PartnerForm key={addKey} initial={EMPTY} isNew submitLabel={t('partners.add')} pending={add.pending} error={add.error} onSubmit={(fields) => void add.run(fields)} />
      </Panel>
      {editing && (
        <Modal title={t('partners.editTitle', { id: editing.id })} onClose={() => setEditing(null)}>
          <PartnerForm
            initial={{ name: editing.name, id: editing.id, ipAllowlist: editing.ipAllowlist.join(', '), vaPrefix: editing.vaPrefix }}
            isNew={false}
            submitLabel={t('common.save')}
            pending={update.pending}
            error={update.error}
            onSubmit={(fields) => void update.run(editing, fields)}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
    </Page>
  );
}
