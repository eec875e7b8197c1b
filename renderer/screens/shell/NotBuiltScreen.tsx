import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import type { ScreenId } from '../../navigation';

/** Said plainly, so nobody mistakes an empty screen for missing data. */
export function NotBuiltScreen({ id }: { id: ScreenId }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`nav.${id}.label`)}>
      <div className="callout">
        <p className="callout-title">{t('placeholder.notBuilt')}</p>
        <p>
          {t('placeholder.willDo')} {t(`nav.${id}.description`)}
        </p>
      </div>
    </Page>
  );
}
