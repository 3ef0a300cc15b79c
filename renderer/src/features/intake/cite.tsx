import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Citation } from '@shared/rules';

/**
 * A clause as the officer reads it: act, appendix, paragraph, item, row, then the seed file and its
 * lines (every computed value names the clause it came from, guide §1).
 */
export function formatCitation(t: TFunction, c: Citation): string {
  const parts = [t(`intake.acts.${c.act}`, { defaultValue: c.act })];
  if (c.appendix) parts.push(t('intake.cite.appendix', { n: c.appendix }));
  if (c.paragraph) parts.push(t('intake.cite.paragraph', { n: c.paragraph }));
  if (c.item) parts.push(t('intake.cite.item', { n: c.item }));
  if (c.row) parts.push(t('intake.cite.row', { n: c.row }));
  if (c.rules) parts.push(t('intake.cite.rules', { text: c.rules }));
  parts.push(t('intake.cite.seed', { seed: c.seed, lines: c.lines }));
  return parts.join(', ');
}

/** The clauses of one finding or term, each on its own line. */
export function Citations({ citations }: { citations: readonly Citation[] }) {
  const { t } = useTranslation();
  // The same clause can ground two terms (para 17 L50 gives both hearing terms): show it once.
  const lines = [...new Set(citations.map((c) => formatCitation(t, c)))];
  if (lines.length === 0) return null;
  return (
    <ul className="intake-citations citation">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
