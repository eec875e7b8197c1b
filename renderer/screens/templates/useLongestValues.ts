import { useEffect, useState } from 'react';
import { PLACEHOLDER_NAMES, type PlaceholderName, type TemplateValues } from '../../../shared/templates/index';
import { api } from '../../api/client';

/** A character no ledger value contains, to cut the rendered probe back into its values. */
const SEPARATOR = '\u241E';

/**
 * The longest value of each placeholder in this ledger, against which the editor measures
 * lengths while the officer types. A saved template gets them with `templates.get`; an unsaved
 * one has no id to ask with, so it previews a probe body listing every placeholder, filled with
 * the longest values (SMS: the values go in untouched), and cuts the text apart again.
 */
export function useLongestValues(language: string, known: TemplateValues | null): TemplateValues | null {
  const [probed, setProbed] = useState<{ language: string; values: TemplateValues } | null>(null);
  useEffect(() => {
    if (known || probed?.language === language) return;
    let current = true;
    const body = PLACEHOLDER_NAMES.map((name) => `{${name}}`).join(SEPARATOR);
    api
      .call('templates.preview', { draft: { channel: 'sms', language: language === 'en' ? 'en' : 'id', purpose: 'thank_you', body }, sample: 'longest' })
      .then((preview) => {
        const parts = preview.text.split(SEPARATOR);
        if (current && parts.length === PLACEHOLDER_NAMES.length) {
          setProbed({ language, values: Object.fromEntries(PLACEHOLDER_NAMES.map((name, i) => [name, parts[i] ?? ''])) as Record<PlaceholderName, string> });
        }
      })
      // Without them the checks measure with the built-in worst case, which is what they do anyway.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [language, known, probed]);
  return known ?? (probed?.language === language ? probed.values : null);
}
