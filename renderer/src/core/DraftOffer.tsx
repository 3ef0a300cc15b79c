import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../ui/format';
import { Notice } from '../ui/Notice';
import type { Draft } from './useDraft';

function savedAtText(savedAt: string): { date: string; time: string } {
  const at = new Date(savedAt);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const day = todayIso(at);
  return { date: day === todayIso() ? '' : formatDate(day), time };
}

/** "Restore the unsaved draft from 14:32?" above a form whose earlier draft survived a reload, a crash or the lock. */
export function DraftOffer<T>({ draft }: { draft: Draft<T> }) {
  const { t } = useTranslation();
  if (!draft.offer) return null;
  const { date, time } = savedAtText(draft.offer.savedAt);
  return (
    <div className="span-2" data-testid="draft-offer">
      <Notice kind="info">
        {date ? t('unsaved.offerOn', { date, time }) : t('unsaved.offer', { time })}{' '}
        <button type="button" className="primary" onClick={draft.restore}>
          {t('unsaved.restore')}
        </button>{' '}
        <button type="button" onClick={draft.discard}>
          {t('unsaved.discard')}
        </button>
      </Notice>
    </div>
  );
}
