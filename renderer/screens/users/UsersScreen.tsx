import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../components/Feedback';
import { Instant, useInstantFormat } from '../../components/Instant';
import { useNotice } from '../../components/notice';
import { Page, Panel } from '../../components/Page';
import { useSignedInUser } from '../../session';
import { AddUserForm } from './AddUserForm';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type UserRow = Out<'users.list'>['users'][number];

/** The administrator's list of accounts: add, disable or enable, reset a password. */
export function UsersScreen() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const users = useApi('users.list', {});
  const notice = useNotice();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const toggle = useAction(async (user: UserRow) => {
    notice.clear();
    await api.call('users.setActive', { username: user.username, active: !user.active });
    notice.show({ key: user.active ? 'users.disabled' : 'users.enabled', params: { username: user.username } });
    users.reload();
  });

  return (
    <Page title={t('nav.users.label')} description={t('nav.users.description')}>
      <SuccessNotice>{notice.text}</SuccessNotice>
      <ErrorNotice error={toggle.error} />
      <Panel title={t('users.listTitle')}>
        {users.loading && !users.data && <Loading />}
        <ErrorNotice error={users.error} onRetry={users.reload} />
        {users.data?.users.length === 0 && <EmptyState>{t('users.empty')}</EmptyState>}
        {users.data && users.data.users.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <span className="mono">{user.username}</span> {user.username === me.username && <span className="muted">{t('common.you')}</span>}
                  </td>
                  <td>{user.fullName}</td>
                  <td>{t(`role.${user.role}`)}</td>
                  <td>
                    <UserStatus user={user} />
                  </td>
                  <td>{user.lastLoginAt ? <Instant iso={user.lastLoginAt} /> : <span className="muted">{t('users.never')}</span>}</td>
                  <td>
                    <div className="button-row">
                      {/* Disabling yourself would end your own session mid-task; another administrator can. */}
                      {user.username !== me.username && (
                        <button type="button" className="button-small" aria-label={`${t(user.active ? 'users.disable' : 'users.enable')} ${user.username}`} disabled={toggle.pending} onClick={() => void toggle.run(user)}>
                          {t(user.active ? 'users.disable' : 'users.enable')}
                        </button>
                      )}
                      <button type="button" className="button-small" aria-label={`${t('users.resetPassword')} ${user.username}`} onClick={() => setResetting(user)}>
                        {t('users.resetPassword')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <AddUserForm
        onAdded={(username) => {
          notice.show({ key: 'users.added', params: { username } });
          users.reload();
        }}
      />
      {resetting && (
        <ResetPasswordDialog
          username={resetting.username}
          onClose={() => setResetting(null)}
          onDone={() => {
            notice.show({ key: 'users.resetDone', params: { username: resetting.username } });
            setResetting(null);
            users.reload();
          }}
        />
      )}
    </Page>
  );
}

function UserStatus({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const formatInstant = useInstantFormat();
  if (!user.active) return <span className="badge badge-off">{t('users.inactive')}</span>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    return <span className="badge badge-warning">{t('users.lockedUntil', { time: formatInstant(user.lockedUntil) })}</span>;
  }
  return <span className="badge badge-on">{t('users.active')}</span>;
}
