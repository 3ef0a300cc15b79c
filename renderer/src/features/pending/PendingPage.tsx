import { useTranslation } from 'react-i18next';
import type { Section } from '../../core/router';

/** Sections whose features have not been built yet say so plainly instead of showing an empty screen. */
export function PendingPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pending-title">
      <h1 id="pending-title">{t(`nav.${section}`)}</h1>
      <div className="empty">
        <strong>{t('pending.title')}</strong>
        <p>{t('pending.text', { section: t(`nav.${section}`) })}</p>
      </div>
    </section>
  );
}
