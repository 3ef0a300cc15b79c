import { useTranslation } from 'react-i18next';

/** Picks the Kazakh or Russian wording of reference data (rule sets, regions, holidays). */
export function useLocalized(): (kk: string, ru: string) => string {
  const { i18n } = useTranslation();
  return (kk, ru) => (i18n.language === 'ru' ? ru : kk);
}
