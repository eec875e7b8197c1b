import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A screen's frame: its heading, a one-line purpose, and the window title to match. */
export function Page({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className="page">
      <header className="page-header">
        <h1>{title}</h1>
        {description && <p>{description}</p>}
      </header>
      {children}
    </section>
  );
}

/** A titled block inside a page (a table, a form, a list of facts), named by its heading for assistive tech. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
