import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allowedActions,
  DECISION_OUTCOMES,
  NOTIFICATION_METHODS,
  type Complaint,
  type ComplaintAction,
  type ComplaintActionType,
} from '@shared/complaints';
import { can } from '@shared/officers';
import type { FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { applyAction } from './repository';

type Draft = Record<string, string>;

const FIELDS: Record<ComplaintActionType, readonly string[]> = {
  'start-review': ['reviewer'],
  forward: ['date', 'to'],
  decide: ['outcome', 'text', 'date', 'notifiedBy', 'notifiedOn'],
  withdraw: ['date', 'reason'],
  'court-note': ['date', 'text'],
};

const LABELS: Record<ComplaintActionType, Record<string, string>> = {
  'start-review': { reviewer: 'complaints.reviewer' },
  forward: { date: 'complaints.forwardDate', to: 'complaints.forwardTo' },
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

const ACTION_LABEL: Record<ComplaintActionType, string> = {
  'start-review': 'complaints.startReview',
  forward: 'complaints.forward',
  decide: 'complaints.decide',
  withdraw: 'complaints.withdraw',
  'court-note': 'complaints.courtNote',
};

function initialDraft(type: ComplaintActionType, officer: string): Draft {
  const today = todayIso();
  switch (type) {
    case 'start-review':
      return { reviewer: officer };
    case 'forward':
      return { date: today, to: '' };
    case 'decide':
      return { outcome: '', text: '', date: today, notifiedBy: '', notifiedOn: today };
    case 'withdraw':
      return { date: today, reason: '' };
    case 'court-note':
      return { date: today, text: '' };
  }
}

function toAction(type: ComplaintActionType, d: Draft): ComplaintAction {
  const v = (k: string) => d[k] ?? '';
  switch (type) {
    case 'start-review':
      return { type, reviewer: v('reviewer') };
    case 'forward':
      return { type, date: v('date'), to: v('to') };
    case 'decide':
      return {
        type,
        outcome: v('outcome') as (typeof DECISION_OUTCOMES)[number],
        text: v('text'),
        date: v('date'),
        notifiedBy: v('notifiedBy') as (typeof NOTIFICATION_METHODS)[number],
        notifiedOn: v('notifiedOn'),
      };
    case 'withdraw':
      return { type, date: v('date'), reason: v('reason') };
    case 'court-note':
      return { type, date: v('date'), text: v('text') };
  }
}

/** The workflow steps the complaint's status allows, each as a small form. */
export function ComplaintActions({ complaint, onChanged }: { complaint: Complaint; onChanged(c: Complaint): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const [open, setOpen] = useState<ComplaintActionType | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const actions = allowedActions(complaint).filter((a) => a !== 'decide' || (ctx !== null && can(ctx.roles, 'decision.record')));
  if (actions.length === 0) return null;

  function start(type: ComplaintActionType) {
    setOpen(type);
    setDraft(initialDraft(type, ctx?.actor.officerName ?? ''));
    setErrors({});
    setFailure(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!open || !ctx) return;
    if (open === 'withdraw' && !window.confirm(t('complaints.withdrawConfirm'))) return;
    const result = await applyAction(db, ctx, complaint.id, toAction(open, draft));
    if (result.ok) {
      setOpen(null);
      useAppStore.getState().dataChanged();
      onChanged(result.value);
      return;
    }
    const error = result.error;
    if (error.code === 'invalid') setErrors(error.errors);
    else if (error.code === 'not-allowed') setFailure(t('complaints.notAllowed', { status: t(`complaints.statuses.${error.status}`) }));
    else if (error.code === 'not-forwardable') setFailure(t('complaints.notForwardable'));
    else if (error.code === 'forbidden') setFailure(t('officers.forbiddenDecision'));
    else setFailure(t('complaints.notFound'));
  }

  const input = (field: string) => {
    const value = draft[field] ?? '';
    const onChange = (v: string) => setDraft((d) => ({ ...d, [field]: v }));
    if (field === 'outcome' || field === 'notifiedBy') {
      const options = field === 'outcome' ? DECISION_OUTCOMES : NOTIFICATION_METHODS;
      const prefix = field === 'outcome' ? 'complaints.outcomes' : 'complaints.notification';
      return (p: { id: string }) => (
        <select {...p} name={field} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`${prefix}.${o}`)}
            </option>
          ))}
        </select>
      );
    }
    if (field === 'text' || field === 'reason') {
      return (p: { id: string }) => <textarea {...p} name={field} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />;
    }
    const type = field === 'date' || field === 'notifiedOn' ? 'date' : 'text';
    return (p: { id: string }) => <input {...p} type={type} name={field} value={value} onChange={(e) => onChange(e.target.value)} />;
  };

  return (
    <div className="card" aria-labelledby="complaint-actions-title">
      <h2 id="complaint-actions-title">{t('complaints.actions')}</h2>
      <div className="actions">
        {actions.map((a) => (
          <button key={a} type="button" aria-pressed={open === a} onClick={() => start(a)}>
            {t(ACTION_LABEL[a])}
          </button>
        ))}
      </div>
      {open ? (
        <form className="form-grid action-form" onSubmit={submit} noValidate aria-label={t(ACTION_LABEL[open])}>
          {failure ? (
            <div className="span-2">
              <Notice kind="error">{failure}</Notice>
            </div>
          ) : null}
          {FIELDS[open].map((field) => (
            <div key={field} className={field === 'text' || field === 'reason' ? 'span-2' : ''}>
              <Field label={t(LABELS[open][field] ?? field)} error={errors[field]} required>
                {input(field)}
              </Field>
            </div>
          ))}
          <div className="actions span-2">
            <button type="submit" className="primary">
              {t('complaints.apply')}: {t(ACTION_LABEL[open])}
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
