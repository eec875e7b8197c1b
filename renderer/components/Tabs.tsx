import { type KeyboardEvent, type ReactNode, useId } from 'react';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

/**
 * Tabs over one panel (WAI-ARIA tabs pattern): arrow keys move between tabs, the panel is
 * named by its tab. Only the selected tab's content is rendered, so a hidden tab loads nothing.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: { label: string; tabs: readonly Tab<T>[]; selected: T; onSelect(id: T): void; children: ReactNode }) {
  const base = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = tabs[(at + step + tabs.length) % tabs.length];
    if (next) {
      onSelect(next.id);
      document.getElementById(`${base}-tab-${next.id}`)?.focus();
    }
  };
  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" id={`${base}-panel`} role="tabpanel" aria-labelledby={`${base}-tab-${selected}`}>
        {children}
      </div>
    </div>
  );
}
