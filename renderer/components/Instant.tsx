import { formatInstant } from '../../shared/format';
import { useLanguage } from '../i18n';
import { useSession } from '../session';

/** Instants come from the backend in UTC and are shown in the agency's zone: `23 November 2026 08.15 WIB`. */
export function useInstantFormat(): (iso: string) => string {
  const language = useLanguage();
  const { timeZone } = useSession();
  return (iso) => formatInstant(iso, language, timeZone);
}

export function Instant({ iso }: { iso: string }) {
  const format = useInstantFormat();
  return <time dateTime={iso}>{format(iso)}</time>;
}
