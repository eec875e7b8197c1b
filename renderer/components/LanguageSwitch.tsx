import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/errors';
import { useAction } from '../api/useAction';
import { useSession } from '../session';
import { ErrorNotice } from './Feedback';

/** Each language is named in itself, so someone who cannot read the other one still finds theirs. */
const CHOICES: { lang: Language; name: string }[] = [
  { lang: 'id', name: 'Indonesia' },
  { lang: 'en', name: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { switchLanguage } = useSession();
  const change = useAction(switchLanguage);
  return (
    <div className="language-switch">
      <div role="group" aria-label={t('language.label')}>
        {CHOICES.map(({ lang, name }) => (
          <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} disabled={change.pending} onClick={() => void change.run(lang)}>
            {name}
          </button>
        ))}
      </div>
      <ErrorNotice error={change.error} />
    </div>
  );
}
