/** The fields of each workflow step's form, their labels and the step built from what was typed. */
import {
  DECISION_OUTCOMES,
  NOTIFICATION_METHODS,
  REMEDY_EXTENTS,
  type ComplaintAction,
  type ComplaintActionType,
} from '@shared/complaints';
import { todayIso } from '../../ui/format';

export type Draft = Record<string, string>;

export const FIELDS: Record<ComplaintActionType, readonly string[]> = {
  'start-review': ['reviewer'],
  remedy: ['extent', 'date', 'text'],
  forward: ['date', 'to', 'caseSent', 'caseContents'],
  decide: ['outcome', 'text', 'date', 'notifiedBy', 'notifiedOn'],
  withdraw: ['date', 'reason'],
  'court-note': ['date', 'text'],
};

export const LABELS: Record<ComplaintActionType, Record<string, string>> = {
  'start-review': { reviewer: 'complaints.reviewer' },
  remedy: { extent: 'complaints.remedyExtent', date: 'complaints.remedyDate', text: 'complaints.remedyText' },
  forward: {
    date: 'complaints.forwardDate',
    to: 'complaints.forwardTo',
    caseSent: 'complaints.caseSent',
    caseContents: 'complaints.caseContents',
  },
  decide: {
    outcome: 'complaints.decisionOutcome',
    text: 'complaints.decisionText',
    date: 'complaints.decisionDate',
    notifiedBy: 'complaints.notifiedBy',
    notifiedOn: 'complaints.notifiedOn',
  },
  withdraw: { date: 'complaints.withdrawDate', reason: 'complaints.withdrawReason' },
  'court-note': { date: 'complaints.courtDate', text: 'complaints.courtText' },
};

export const ACTION_LABEL: Record<ComplaintActionType, string> = {
  'start-review': 'complaints.startReview',
  remedy: 'complaints.remedy',
  forward: 'complaints.forward',
  decide: 'complaints.decide',
  withdraw: 'complaints.withdraw',
  'court-note': 'complaints.courtNote',
};

/** Fields drawn as a select, with the i18n prefix of their options. */
export const CHOICES: Record<string, { options: readonly string[]; prefix: string }> = {
  outcome: { options: DECISION_OUTCOMES, prefix: 'complaints.outcomes' },
  notifiedBy: { options: NOTIFICATION_METHODS, prefix: 'complaints.notification' },
  extent: { options: REMEDY_EXTENTS, prefix: 'complaints.remedyExtents' },
};

export const TEXT_AREAS: ReadonlySet<string> = new Set(['text', 'reason', 'caseContents']);
export const DATES: ReadonlySet<string> = new Set(['date', 'notifiedOn']);

/** A stored step draft is a record of strings (checked before it is offered back). */
export function isActionDraft(v: unknown): v is Draft {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

export function initialDraft(type: ComplaintActionType, officer: string): Draft {
  const today = todayIso();
  switch (type) {
    case 'start-review':
      return { reviewer: officer };
    case 'remedy':
      return { extent: '', date: today, text: '' };
    case 'forward':
      // 000 L75: the complaint goes "and the administrative case" — sent unless the officer says otherwise.
      return { date: today, to: '', caseSent: 'yes', caseContents: '' };
    case 'decide':
      return { outcome: '', text: '', date: today, notifiedBy: '', notifiedOn: today };
    case 'withdraw':
      return { date: today, reason: '' };
    case 'court-note':
      return { date: today, text: '' };
  }
}

const pick = <T extends string>(options: readonly T[], value: string | undefined): T => options.find((o) => o === value) ?? ('' as T);

export function toAction(type: ComplaintActionType, d: Draft): ComplaintAction {
  const v = (k: string) => d[k] ?? '';
  switch (type) {
    case 'start-review':
      return { type, reviewer: v('reviewer') };
    case 'remedy':
      return { type, extent: pick(REMEDY_EXTENTS, d.extent), date: v('date'), text: v('text') };
    case 'forward':
      return { type, date: v('date'), to: v('to'), caseSent: v('caseSent') === 'yes', caseContents: v('caseContents') };
    case 'decide':
      return {
        type,
        outcome: pick(DECISION_OUTCOMES, d.outcome),
        text: v('text'),
        date: v('date'),
        notifiedBy: pick(NOTIFICATION_METHODS, d.notifiedBy),
        notifiedOn: v('notifiedOn'),
      };
    case 'withdraw':
      return { type, date: v('date'), reason: v('reason') };
    case 'court-note':
      return { type, date: v('date'), text: v('text') };
  }
}
