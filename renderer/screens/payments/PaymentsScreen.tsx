import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { Page } from '../../components/Page';
import { type Tab, Tabs } from '../../components/Tabs';
import { useSignedInUser } from '../../session';
import { CounterPaymentForm } from './CounterPaymentForm';
import { PaymentList } from './PaymentList';

type TabId = 'list' | 'counter';

/** Each tab for the roles its procedures allow (shared/api/payments.ts); partners have their own screen (Mitra Pembayaran). */
const TAB_ROLES: Record<TabId, readonly Role[]> = {
  list: ['treasurer', 'officer', 'head', 'admin'],
  counter: ['officer', 'treasurer'],
};

/** Payments recorded in SI PEKA and the counter's payment form. */
export function PaymentsScreen() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const tabs: Tab<TabId>[] = (['list', 'counter'] as const).filter((id) => TAB_ROLES[id].includes(me.role as Role)).map((id) => ({ id, label: t(`payments.tabs.${id}`) }));
  const [selected, setSelected] = useState<TabId>('list');
  return (
    <Page title={t('nav.payments.label')} description={t('nav.payments.description')}>
      <Tabs<TabId> label={t('nav.payments.label')} tabs={tabs} selected={selected} onSelect={setSelected}>
        {selected === 'list' && <PaymentList />}
        {selected === 'counter' && <CounterPaymentForm />}
      </Tabs>
    </Page>
  );
}
