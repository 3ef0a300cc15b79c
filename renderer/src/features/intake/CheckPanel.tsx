import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IntakeCheck, IntakeFinding, IntakeResult } from '@shared/intake';
import type { Bilingual } from '@shared/rules';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { Citations } from './cite';

/** Where a finding's item lives: an App. 3 item 8 document, a consent, or a line of the card. */
export function findingArea(f: Pick<IntakeFinding, 'itemId'>): 'document' | 'consent' | 'card' {
  if (f.itemId.startsWith('doc.')) return 'document';
  if (f.itemId.startsWith('consent.')) return 'consent';
  return 'card';
}

/** What is wrong with the item, in words (the label comes from the rule set). */
export function findingDetail(t: TFunction, f: IntakeFinding, pick: (b: Bilingual) => string): string {
  switch (f.kind) {
    case 'missing-item':
      return (f.parts ?? ['entry']).map((p) => t(`intake.part.${p}`)).join('; ');
    case 'expired':
      return t('intake.finding.expired', { date: formatDate(f.date ?? ''), days: f.validityDays, until: formatDate(f.validUntil ?? '') });
    case 'undated':
      return t('intake.finding.undated', { days: f.validityDays });
    case 'validity-not-configured':
      return f.date ? t('intake.finding.notConfiguredDated', { date: formatDate(f.date) }) : t('intake.finding.validity-not-configured');
    case 'contraindications-present':
      return f.contraindications && f.contraindications.length > 0
        ? t('intake.finding.contraindicationsNamed', { list: f.contraindications.map(pick).join('; ') })
        : t('intake.finding.contraindications-present');
    case 'header-mismatch':
      return t(f.field === 'birth-date' ? 'intake.finding.mismatchBirthDate' : 'intake.finding.mismatchName');
    case 'missing-document':
      return t('intake.finding.missing-document');
    case 'missing-consent':
      return t('intake.finding.missing-consent');
    case 'conditional-document-missing':
      return t('intake.finding.conditional-document-missing');
    case 'conditional-document-unmarked':
      return t('intake.finding.conditional-document-unmarked');
  }
}

export function ResultBadge({ result }: { result: IntakeResult }) {
  const { t } = useTranslation();
  return (
    <span className={`intake-result intake-result--${result}`} data-testid="intake-result">
      {t(`intake.result.${result}`)}
    </span>
  );
}

function FindingItem({ f }: { f: IntakeFinding }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const pick = (b: Bilingual) => loc(b.kk, b.ru);
  return (
    <li data-kind={f.kind} data-item={f.itemId}>
      <span className="intake-finding__area">{t(`intake.area.${findingArea(f)}`)}:</span> <strong>{pick(f.label)}</strong> —{' '}
      {findingDetail(t, f, pick)}
      <Citations citations={f.citations} />
    </li>
  );
}

/**
 * The result of the check with every finding and its clauses. Refusing findings come first; the
 * "validity not configured" notices are folded into one list because the shipped rules configure none.
 */
export function CheckPanel({
  check,
  notConfiguredNote,
  live,
}: {
  check: IntakeCheck;
  notConfiguredNote: Bilingual | null;
  live?: boolean;
}) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const refusing = check.findings.filter((f) => f.severity === 'refuse');
  const notConfigured = check.findings.filter((f) => f.kind === 'validity-not-configured');
  const warnings = check.findings.filter((f) => f.severity === 'warn' && f.kind !== 'validity-not-configured');
  return (
    <section
      className={`card intake-check intake-check--${check.result}`}
      aria-labelledby="intake-check-title"
      data-testid="intake-check"
      aria-live={live ? 'polite' : undefined}
    >
      <h2 id="intake-check-title">
        {live ? t('intake.check.liveTitle') : t('intake.check.title')} <ResultBadge result={check.result} />
      </h2>
      <p className="muted">{t(`intake.check.explain.${check.result}`)}</p>
      {refusing.length > 0 ? (
        <>
          <h3>{t('intake.check.refusing', { count: refusing.length })}</h3>
          <ol className="intake-findings" data-testid="refusing-findings">
            {refusing.map((f) => (
              <FindingItem key={`${f.kind}:${f.itemId}`} f={f} />
            ))}
          </ol>
        </>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h3>{t('intake.check.warnings', { count: warnings.length })}</h3>
          <ul className="intake-findings" data-testid="warning-findings">
            {warnings.map((f) => (
              <FindingItem key={`${f.kind}:${f.itemId}`} f={f} />
            ))}
          </ul>
        </>
      ) : null}
      {notConfigured.length > 0 ? (
        <details className="intake-not-configured" data-testid="not-configured">
          <summary>{t('intake.check.notConfigured', { count: notConfigured.length })}</summary>
          {notConfiguredNote ? <p className="muted">{loc(notConfiguredNote.kk, notConfiguredNote.ru)}</p> : null}
          <ul className="intake-findings">
            {notConfigured.map((f) => (
              <FindingItem key={`${f.kind}:${f.itemId}`} f={f} />
            ))}
          </ul>
        </details>
      ) : null}
      {check.findings.length === 0 ? <p>{t('intake.check.nothing')}</p> : null}
    </section>
  );
}
