import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedActions, type Complaint, type ComplaintActionType, type ComplaintRoute } from '@shared/complaints';
import { can } from '@shared/officers';
import type { FieldErrors } from '@shared/validation';
import { DraftOffer } from '../../core/DraftOffer';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useDraft } from '../../core/useDraft';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { Citation } from '../../ui/Citation';
import { Field } from '../../ui/Field';
import { focusFirstInvalid } from '../../ui/focus';
import { todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { ACTION_LABEL, CHOICES, DATES, FIELDS, initialDraft, isActionDraft, LABELS, TEXT_AREAS, toAction, type Draft } from './actionForms';
import { applyAction, eligibleReviewers, type ActionError } from './repository';
import { stepDateErrors } from './timeline';

/** The workflow steps the complaint's status and route allow, each as a small form. */
export function ComplaintActions({ complaint, route }: { complaint: Complaint; route: ComplaintRoute | null }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [open, setOpen] = useState<ComplaintActionType | null>(null);
  const actions = allowedActions(complaint, route?.waiver.kind).filter(
    (a) => a !== 'decide' || (ctx !== null && can(ctx.roles, 'decision.record')),
  );
  if (actions.length === 0) return null;
  return (
    <div className="card" aria-labelledby="complaint-actions-title">
      <h2 id="complaint-actions-title">{t('complaints.actions')}</h2>
      <div className="actions">
        {actions.map((a) => (
          <button key={a} type="button" aria-pressed={open === a} onClick={() => setOpen(a)}>
            {t(ACTION_LABEL[a])}
          </button>
        ))}
      </div>
      {open ? <ActionForm key={open} type={open} complaint={complaint} route={route} onDone={() => setOpen(null)} /> : null}
    </div>
  );
}

/** The hint under a step's form: the clause it applies. */
function ActionHint({ type, route }: { type: ComplaintActionType; route: ComplaintRoute | null }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  if (!route) return null;
  if (type === 'remedy')
    return (
      <p className="muted span-2" data-testid="remedy-hint">
        {loc(route.waiver.kk, route.waiver.ru)} <Citation citation={route.waiver.citation} />
      </p>
    );
  if (type === 'forward')
    return (
      <p className="muted span-2">
        {t('complaints.caseHint')} <Citation citation={route.adminCase} />
      </p>
    );
  if (type === 'court-note')
    return (
      <p className="muted span-2">
        {t('complaints.courtHint')} <Citation citation={route.court} />
      </p>
    );
  return null;
}

function ActionForm({
  type,
  complaint,
  route,
  onDone,
}: {
  type: ComplaintActionType;
  complaint: Complaint;
  route: ComplaintRoute | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(type, ctx?.actor.officerName ?? ''));
  // A step's typed text (a decision's reasons) is kept as a draft of its own (issue 16 point 1).
  const kept = useDraft({ form: `complaint-${type}`, recordId: complaint.id, values: draft, onRestore: setDraft, isValues: isActionDraft });
  const reviewers = useLiveData(() => (type === 'start-review' ? eligibleReviewers(db) : Promise.resolve([])), [db, type]);
  const reviewerNames = reviewers.status === 'done' ? reviewers.value.map((r) => r.fullName) : [];
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = useSubmit(applyAction, {
    onOk: () => {
      kept.saved();
      onDone();
    },
    onRefused: (error: ActionError) => {
      if (error.code === 'invalid') setErrors(error.errors);
      else setRefusal(refusalText(error));
      focusFirstInvalid(formRef.current);
    },
  });
  const refusalText = (error: Exclude<ActionError, { code: 'invalid' }>): string => {
    if (error.code === 'not-allowed') return t('complaints.notAllowed', { status: t(`complaints.statuses.${error.status}`) });
    if (error.code === 'not-forwardable') return t('complaints.notForwardable');
    if (error.code === 'forward-waived') return t('complaints.forwardWaived');
    if (error.code === 'forbidden') return t('officers.forbiddenDecision');
    if (error.code === 'voided') return t('complaints.voidAlready');
    return t('complaints.notFound');
  };
  // The reviewer is one of the accounts that may review (issue 16 point 4); the officer's own name only when theirs may.
  const reviewer = reviewerNames.includes(draft.reviewer ?? '') ? (draft.reviewer ?? '') : '';
  const action = toAction(type, type === 'start-review' ? { reviewer } : draft);
  // Impossible dates are said as typed (issue 16 point 2).
  const dateErrors = stepDateErrors(action, complaint.receiptDate, todayIso());
  const shown = { ...errors, ...dateErrors };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    setRefusal(null);
    if (Object.keys(dateErrors).length > 0) {
      setErrors(dateErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    if (type === 'withdraw' && !window.confirm(t('complaints.withdrawConfirm'))) return;
    setErrors({});
    save.run(db, ctx, complaint.id, action);
  }

  function cancel() {
    if (kept.dirty && !window.confirm(t('complaints.cancelUnsaved'))) return;
    kept.saved();
    onDone();
  }

  const set = (field: string, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };
  const control = (field: string) => (p: { id: string }) => {
    const value = draft[field] ?? '';
    if (field === 'reviewer')
      return (
        <select {...p} name={field} value={reviewer} onChange={(e) => set(field, e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {reviewerNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      );
    const choice = CHOICES[field];
    if (choice)
      return (
        <select {...p} name={field} value={value} onChange={(e) => set(field, e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {choice.options.map((o) => (
            <option key={o} value={o}>
              {t(`${choice.prefix}.${o}`)}
            </option>
          ))}
        </select>
      );
    if (field === 'caseSent')
      return (
        <input {...p} type="checkbox" name={field} checked={value === 'yes'} onChange={(e) => set(field, e.target.checked ? 'yes' : '')} />
      );
    if (TEXT_AREAS.has(field)) return <textarea {...p} name={field} rows={3} value={value} onChange={(e) => set(field, e.target.value)} />;
    return (
      <input {...p} type={DATES.has(field) ? 'date' : 'text'} name={field} value={value} onChange={(e) => set(field, e.target.value)} />
    );
  };
  const fields = FIELDS[type].filter((f) => f !== 'caseContents' || draft.caseSent === 'yes');
  const failure = refusal ?? (save.failure ? t('common.unexpected', { detail: save.failure }) : null);

  return (
    <form className="form-grid action-form" onSubmit={submit} noValidate aria-label={t(ACTION_LABEL[type])} ref={formRef}>
      <DraftOffer draft={kept} />
      {failure ? (
        <div className="span-2">
          <Notice kind="error">{failure}</Notice>
        </div>
      ) : null}
      <ActionHint type={type} route={route} />
      {type === 'start-review' && reviewers.status === 'done' && reviewerNames.length === 0 ? (
        <div className="span-2">
          <Notice kind="warning">{t('complaints.noReviewers')}</Notice>
        </div>
      ) : null}
      {fields.map((field) => (
        <div key={field} className={TEXT_AREAS.has(field) ? 'span-2' : ''}>
          <Field label={t(LABELS[type][field] ?? field)} error={shown[field]} required={field !== 'caseSent'}>
            {control(field)}
          </Field>
        </div>
      ))}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={save.busy}>
          {t('complaints.apply')}: {t(ACTION_LABEL[type])}
        </button>
        <button type="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
