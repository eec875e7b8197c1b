import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Page';

type Partner = Out<'partners.list'>['partners'][number];

/** The banks and e-wallets that may call the partner API. A secret is shown once, right after it is made. */
export function PartnersPanel() {
  const { t } = useTranslation();
  const partners = useApi('partners.list', {});
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const toggle = useAction(async (partner: Partner) => {
    await api.call(partner.active ? 'partners.disable' : 'partners.enable', { id: partner.id });
    partners.reload();
  });
  const rotate = useAction(async (partner: Partner) => {
    if (!window.confirm(t('payments.partners.rotateConfirm', { id: partner.id }))) return;
    const rotated = await api.call('partners.rotateSecret', { id: partner.id });
    setSecret({ id: partner.id, secret: rotated.secret });
    partners.reload();
  });

  return (
    <>
      {secret && (
        <div className="callout callout-warning" role="status">
          <p>{t('payments.partners.secretOnce', { id: secret.id })}</p>
          <p className="mono">{secret.secret}</p>
          <button type="button" className="button-small" onClick={() => setSecret(null)}>
            {t('payments.partners.secretStored')}
          </button>
        </div>
      )}
      <Panel title={t('payments.partners.title')}>
        {partners.loading && !partners.data && <Loading />}
        <ErrorNotice error={partners.error ?? toggle.error ?? rotate.error} onRetry={partners.reload} />
        {partners.data?.partners.length === 0 && <EmptyState>{t('payments.partners.empty')}</EmptyState>}
        {partners.data && partners.data.partners.length > 0 && (
          <table className="table" aria-label={t('payments.partners.title')}>
            <thead>
              <tr>
                <th scope="col">{t('payments.partners.id')}</th>
                <th scope="col">{t('payments.partners.name')}</th>
                <th scope="col">{t('payments.partners.vaPrefix')}</th>
                <th scope="col">{t('payments.partners.allowlist')}</th>
                <th scope="col">{t('payments.partners.status')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.data.partners.map((partner) => (
                <tr key={partner.id}>
                  <td className="mono">{partner.id}</td>
                  <td>{partner.name}</td>
                  <td className="mono">{partner.vaPrefix}</td>
                  <td className="mono">{partner.ipAllowlist.join(', ')}</td>
                  <td>{partner.active ? <span className="badge badge-on">{t('users.active')}</span> : <span className="badge badge-off">{t('users.inactive')}</span>}</td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button-small" disabled={toggle.pending} onClick={() => void toggle.run(partner)}>
                        {t(partner.active ? 'users.disable' : 'users.enable')}
                      </button>
                      <button type="button" className="button-small" disabled={rotate.pending} onClick={() => void rotate.run(partner)}>
                        {t('payments.partners.rotate')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <AddPartnerForm
        onAdded={(added) => {
          setSecret(added);
          partners.reload();
        }}
      />
    </>
  );
}

const EMPTY = { name: '', id: '', ipAllowlist: '', vaPrefix: '' };

function AddPartnerForm({ onAdded }: { onAdded(added: { id: string; secret: string }): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const add = useAction(async () => {
    const added = await api.call('partners.add', {
      name: form.name.trim(),
      id: form.id.trim() || undefined,
      ipAllowlist: form.ipAllowlist.split(/[\s,]+/).filter((entry) => entry !== ''),
      vaPrefix: form.vaPrefix.trim() || undefined,
    });
    setForm(EMPTY);
    onAdded({ id: added.partner.id, secret: added.secret });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  return (
    <Panel title={t('payments.partners.addTitle')}>
      <form className="form form-grid" onSubmit={submit}>
        <TextField label={t('payments.partners.name')} required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField label={t('payments.partners.id')} hint={t('payments.partners.idHint')} pattern="[A-Za-z0-9_]{2,40}" value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} />
        <TextField label={t('payments.partners.allowlist')} hint={t('payments.partners.allowlistHint')} required value={form.ipAllowlist} onChange={(e) => setForm({ ...form, ipAllowlist: e.target.value })} />
        <TextField label={t('payments.partners.vaPrefix')} hint={t('payments.partners.vaPrefixHint')} pattern="[0-9]{1,8}" value={form.vaPrefix} onChange={(e) => setForm({ ...form, vaPrefix: e.target.value })} />
        <div className="form-actions">
          <ErrorNotice error={add.error} />
          <button type="submit" className="button-primary" disabled={add.pending}>
            {t('payments.partners.add')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
