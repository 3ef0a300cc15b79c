import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkingCalendar, type WorkingCalendar } from '@shared/calendar';
import type { ScheduleWarning } from '@shared/hearings';
import type { Citation, ServiceRule } from '@shared/rules';
import { RULES_458 } from '@shared/rules/cite';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';

/** The working calendar of this office (shipped years as edited in Settings). */
export function useCalendar(): WorkingCalendar {
  const years = useAppStore((s) => s.calendarYears);
  return useMemo(() => createWorkingCalendar(years), [years]);
}

const RULES_KEYS: Record<string, string> = {
  [RULES_458.assistantAndSignLanguage]: 'assistantAndSignLanguage',
  [RULES_458.sanatorium]: 'sanatorium',
  [RULES_458.prostheticsAndAids]: 'prostheticsAndAids',
  [RULES_458.mobility]: 'mobility',
};

/** "№ 458 бұйрық, … қағидалары, 9-тармақ [000 L49] «quote»": the clause a date came from. */
export function useCitationText(): (c: Citation, withQuote?: boolean) => string {
  const { t } = useTranslation();
  return (c, withQuote = true) => {
    const parts = [t(`hearings.acts.${c.act}`, { defaultValue: c.actTitle ?? c.act })];
    if (c.rules) {
      const key = RULES_KEYS[c.rules];
      parts.push(key ? t(`hearings.rules.${key}`) : c.rules);
    }
    if (c.appendix) parts.push(t('hearings.cite.appendix', { n: c.appendix.replace('→ Rules App.', t('hearings.cite.rulesAppendix')) }));
    if (c.paragraph) parts.push(t('hearings.cite.paragraph', { n: c.paragraph }));
    if (c.item) parts.push(t('hearings.cite.item', { n: c.item }));
    if (c.row) parts.push(t('hearings.cite.row', { n: c.row }));
    const text = `${parts.join(', ')} [${c.seed} ${c.lines}]`;
    return withQuote && c.quoteKk ? `${text} «${c.quoteKk}»` : text;
  };
}

export function CitationNote({ citation }: { citation: Citation }) {
  const cite = useCitationText();
  return <span className="citation">{cite(citation)}</span>;
}

export function useServiceName(): (s: ServiceRule | undefined, fallback?: string) => string {
  const loc = useLocalized();
  return (s, fallback = '') => (s ? loc(s.nameKk, s.nameRu) : fallback);
}

/** The message of a schedule warning, dates in DD.MM.YYYY. */
export function useWarningText(): (w: ScheduleWarning) => string {
  const { t } = useTranslation();
  return (w) => {
    switch (w.code) {
      case 'notice-after-latest':
        return t('hearings.warnings.noticeAfterLatest', { date: formatDate(w.date), latest: formatDate(w.latest) });
      case 'notice-before-preliminary':
        return t('hearings.warnings.noticeBeforePreliminary', { date: formatDate(w.date), preliminary: formatDate(w.preliminary) });
      case 'hearing-before-notice':
        return t('hearings.warnings.hearingBeforeNotice', { date: formatDate(w.date), notice: formatDate(w.notice) });
      case 'hearing-after-window':
        return t('hearings.warnings.hearingAfterWindow', { date: formatDate(w.date), latest: formatDate(w.latest) });
      case 'hearing-after-objection-window':
        return t('hearings.warnings.hearingAfterObjectionWindow', { date: formatDate(w.date), latest: formatDate(w.latest) });
      case 'objection-late':
        return t('hearings.warnings.objectionLate', { date: formatDate(w.date), latest: formatDate(w.latest) });
      case 'minutes-required':
        return t('hearings.warnings.minutesRequired');
      case 'remarks-late':
        return t('hearings.warnings.remarksLate', { date: formatDate(w.date), latest: formatDate(w.latest) });
      case 'objection-window-past-decision':
        return t('hearings.warnings.objectionPastDecision', { closes: formatDate(w.closes), decision: formatDate(w.decision) });
      case 'remarks-window-past-decision':
        return t(w.potential ? 'hearings.warnings.remarksPastDecisionPotential' : 'hearings.warnings.remarksPastDecision', {
          closes: formatDate(w.closes),
          decision: formatDate(w.decision),
        });
      case 'decision-before-earliest':
        return t('hearings.warnings.decisionBeforeEarliest', { date: formatDate(w.date), earliest: formatDate(w.earliest) });
      case 'decision-after-term-end':
        return t('hearings.warnings.decisionAfterTermEnd', { date: formatDate(w.date), termEnd: formatDate(w.termEnd) });
      case 'not-working-day':
        return t('hearings.warnings.notWorkingDay', { date: formatDate(w.date), what: t(`hearings.dateKinds.${w.what}`) });
      case 'hearing-on-notice-day':
        return t('hearings.warnings.hearingOnNoticeDay', { date: formatDate(w.date) });
      case 'decision-after-hand-over':
        return t('hearings.warnings.decisionAfterHandOver', { date: formatDate(w.date), handOver: formatDate(w.handOver) });
    }
  };
}

export const warningCitation = (w: ScheduleWarning): Citation | null => ('citation' in w ? w.citation : null);

/** Hearing method label: the rule set's wording for its modes, our catalog for the four generic ones. */
export function useMethodLabel(): (service: ServiceRule | undefined, method: string) => string {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (service, method) => {
    const rule = service?.hearing;
    if (rule?.kind === 'decision-date') {
      const mode = rule.modes.find((m) => m.id === method);
      if (mode) return loc(mode.labelKk, mode.labelRu);
    }
    return t(`hearings.methods.${method}`, { defaultValue: method });
  };
}
