import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface QueueKeyActions {
  next(): void;
  previous(): void;
  /** Opens the phone editor for the selected contact. */
  edit(): void;
  /** Closes an open editor; false when there was none. */
  cancel(): boolean;
  selectedId: number | null;
}

/**
 * The queue's keys, for an officer working through hundreds of contacts: J or Alt+↓ for the
 * next problem, K or Alt+↑ for the previous, Enter to edit the number, Esc to cancel. Letters
 * and Enter are left alone while a field has the focus, so typing a name or a number is typing.
 */
export function useQueueKeys(enabled: boolean, actions: QueueKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      const act = latest.current;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === 'Escape') {
        if (act.cancel()) event.preventDefault();
        return;
      }
      if (target?.closest('input:not([type="checkbox"]), textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if ((key === 'j' && !event.altKey) || (event.altKey && event.key === 'ArrowDown')) {
        event.preventDefault();
        act.next();
      } else if ((key === 'k' && !event.altKey) || (event.altKey && event.key === 'ArrowUp')) {
        event.preventDefault();
        act.previous();
      } else if (event.key === 'Enter' && !event.altKey && !event.shiftKey && editsOnEnter(target, act.selectedId)) {
        event.preventDefault();
        act.edit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** Enter edits unless it belongs to a control: a button, a link, or another row of the queue (which it selects). */
function editsOnEnter(target: HTMLElement | null, selectedId: number | null): boolean {
  const row = target?.closest<HTMLElement>('[data-queue-row]');
  if (row) return row.dataset.queueRow === String(selectedId);
  return !target?.closest('button, a, summary, input');
}

export function KeyHints({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="key-hints">
      <span className="key-hints-label">{t('contacts.keys.label')}</span>
      <span>
        <kbd>J</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> {t('contacts.keys.next')}
      </span>
      <span>
        <kbd>K</kbd> / <kbd>Alt</kbd>+<kbd>↑</kbd> {t('contacts.keys.previous')}
      </span>
      {canEdit && (
        <>
          <span>
            <kbd>Enter</kbd> {t('contacts.keys.edit')}
          </span>
          <span>
            <kbd>Esc</kbd> {t('contacts.keys.cancel')}
          </span>
        </>
      )}
    </p>
  );
}
