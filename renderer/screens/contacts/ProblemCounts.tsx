import { useTranslation } from 'react-i18next';
import type { ContactProblem } from '../../../shared/api/contacts';
import type { Out } from '../../../shared/api/index';
import { useNumberFormat } from '../../components/numbers';
import { BLOCKING, PROBLEM_ORDER } from './contact-facts';

type Counts = Out<'contacts.counts'>['counts'];

/** Problems that only arise once reminders have gone out or an export has come back: shown when there are some. */
const OCCASIONAL: ReadonlySet<ContactProblem> = new Set(['conflict', 'no_whatsapp', 'office_number']);

/** How many contacts have each problem; picking one narrows the queue to it. */
export function ProblemCounts({ counts, selected, onSelect }: { counts: Counts | undefined; selected: ContactProblem | ''; onSelect(problem: ContactProblem | ''): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const shown = PROBLEM_ORDER.filter((problem) => !OCCASIONAL.has(problem) || problem === selected || (counts?.[problem] ?? 0) > 0);
  return (
    <div className="problem-tiles" role="group" aria-label={t('contacts.problems.label')}>
      <button type="button" className="problem-tile" aria-pressed={selected === ''} onClick={() => onSelect('')}>
        <span className="problem-tile-label">{t('contacts.problems.all')}</span>
      </button>
      {shown.map((problem) => {
        const count = counts?.[problem];
        const tone = count ? (BLOCKING.has(problem) ? 'problem-tile-blocking' : 'problem-tile-attention') : 'problem-tile-clear';
        return (
          <button key={problem} type="button" className={`problem-tile ${tone}`} aria-pressed={selected === problem} onClick={() => onSelect(problem)}>
            <span className="problem-tile-label">{t(`contacts.problems.${problem}`)}</span>
            <span className="problem-tile-count">{count === undefined ? '…' : formatNumber(count)}</span>
          </button>
        );
      })}
    </div>
  );
}
