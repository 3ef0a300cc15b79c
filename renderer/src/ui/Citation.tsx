import { useTranslation } from 'react-i18next';
import type { Citation as CitationData, CitedTerm } from '@shared/rules';

/** The short name of an act of the rule set, in the UI language; unknown (administrator-added) acts show their id. */
function useActName(): (act: string) => string {
  const { t } = useTranslation();
  return (act) => t(`acts.${act}`, { defaultValue: act });
}

/** "№ 458 бұйрық, 11-т., [000 L75]": where a computed date or a check result comes from. */
export function useCitationText(): (c: CitationData) => string {
  const { t } = useTranslation();
  const actName = useActName();
  return (c) =>
    [
      actName(c.act),
      c.appendix ? t('citation.appendix', { n: c.appendix }) : '',
      c.paragraph ? t('citation.paragraph', { n: c.paragraph }) : '',
      c.item ? t('citation.item', { n: c.item }) : '',
      c.row ? t('citation.row', { n: c.row }) : '',
      `[${c.seed} ${c.lines}]`,
    ]
      .filter((s) => s !== '')
      .join(', ');
}

export function Citation({ citation, quote = true }: { citation: CitationData; quote?: boolean }) {
  const text = useCitationText();
  return (
    <span className="citation">
      {text(citation)}
      {quote && citation.quoteKk ? (
        <>
          {' '}
          <q lang="kk">{citation.quoteKk}</q>
        </>
      ) : null}
    </span>
  );
}

export function TermCitation({ term }: { term: CitedTerm }) {
  const { t } = useTranslation();
  return (
    <span>
      {t('citation.workingDays', { count: term.workingDays })} · <Citation citation={term.citation} />
    </span>
  );
}
