import { useTranslation } from 'react-i18next';
import type { ServiceRule } from '@shared/rules';
import { useLocalized } from '../../ui/useLocalized';
import { CitationNote } from './common';

/**
 * Clauses of this service that can be read two ways (issue 18): the reading the dates follow, the
 * other one, and why, next to the planner that shows the dates.
 */
export function ReadingsCard({ service }: { service: ServiceRule }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const readings = service.interpretations ?? [];
  if (readings.length === 0) return null;
  return (
    <details className="card" data-testid="readings">
      <summary>
        <strong>{t('hearings.readings.title')}</strong>
      </summary>
      <dl className="facts">
        {readings.map((r) => {
          const chosen = r.readings.find((x) => x.id === r.chosen);
          const others = r.readings.filter((x) => x.id !== r.chosen);
          return (
            <div key={r.id} data-reading={r.id}>
              <dt>
                {loc(r.question.kk, r.question.ru)} <CitationNote citation={r.citation} />
              </dt>
              <dd>
                <p>
                  <strong>{t('hearings.readings.chosen')}:</strong> {chosen ? loc(chosen.text.kk, chosen.text.ru) : r.chosen}
                </p>
                {others.map((o) => (
                  <p key={o.id} className="muted">
                    {t('hearings.readings.other')}: {loc(o.text.kk, o.text.ru)}
                  </p>
                ))}
                <p>
                  {t('hearings.readings.why')}: {loc(r.why.kk, r.why.ru)}
                </p>
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
