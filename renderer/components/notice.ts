import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  key: ParseKeys;
  params?: Record<string, string | number>;
}

/**
 * The "saved" or "added" line after an action. Kept as a key, not text, so it follows a
 * language switch; `text` is what to render.
 */
export function useNotice() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  return { text: notice ? t(notice.key, notice.params) : '', show: setNotice, clear: () => setNotice(null) };
}
