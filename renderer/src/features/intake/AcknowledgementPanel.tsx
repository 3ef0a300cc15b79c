import { useState, type FormEvent } from 'react';
import type { Disclosure } from '@shared/audit';
import { useTranslation } from 'react-i18next';
import { acknowledgementFor, type AcknowledgementInput, type AcknowledgementKind, type Intake } from '@shared/intake';
import type { OfficeProfile } from '@shared/office';
import { fullName, type Person } from '@shared/persons';
import type { Citation, RuleSet } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Citations } from './cite';
import { PortalNoticeSheet } from './PortalNotice';
import { PrintSheetButton } from './PrintSheet';
import { ReceiptSheet } from './Receipt';
import { recordAcknowledgement } from './repository';
import { useIntakeTerms } from './TermPanel';

interface PanelProps {
  intake: Intake;
  person: Person;
  ruleSet: RuleSet | undefined;
  appendix: string;
}

/** The officer marks the day it was given or sent and its number (issue 18 point 4). */
function RecordAcknowledgement({ intake }: { intake: Intake }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const [form, setForm] = useState<AcknowledgementInput>({
    givenOn: intake.acknowledgement?.givenOn ?? intake.registrationDate,
    reference: intake.acknowledgement?.reference ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useSubmit((c: WriteContext, input: AcknowledgementInput) => recordAcknowledgement(db, c, intake.id, input, todayIso()), {
    onOk: () => {
      setErrors({});
      setSaved(true);
    },
    onRefused: (e) => setErrors(e.code === 'invalid' ? e.errors : { givenOn: 'intake.notFound' }),
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (ctx) save.run(ctx, form);
  }
  const ack = intake.acknowledgement;
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate data-testid="acknowledgement-form">
      <p className="span-2" data-testid="acknowledgement-recorded">
        {ack
          ? ack.reference
            ? t('intake.ack.recordedRef', { date: formatDate(ack.givenOn), reference: ack.reference })
            : t('intake.ack.recorded', { date: formatDate(ack.givenOn) })
          : t('intake.ack.notRecorded')}
      </p>
      {save.failure ? (
        <div className="span-2">
          <Notice kind="error">{t('common.unexpected', { detail: save.failure })}</Notice>
        </div>
      ) : null}
      {saved ? (
        <div className="span-2">
          <Notice kind="success">{t('intake.ack.saved')}</Notice>
        </div>
      ) : null}
      <Field label={t('intake.ack.givenOn')} error={errors.givenOn} required>
        {(p) => <DateField {...p} name="ack.givenOn" value={form.givenOn} onChange={(givenOn) => setForm((f) => ({ ...f, givenOn }))} />}
      </Field>
      <Field label={t('intake.ack.reference')} error={errors.reference}>
        {(p) => (
          <input
            {...p}
            name="ack.reference"
            value={form.reference}
            onChange={(e) => setForm((f) => ({ ...f, reference: e.target.value }))}
          />
        )}
      </Field>
      <div className="actions span-2">
        <button type="submit" disabled={save.busy || !ctx}>
          {t('intake.ack.save')}
        </button>
      </div>
    </form>
  );
}

/** What printing a refusal sheet discloses: the one intake, under the form it follows. */
function disclosureOf(intake: Intake, kind: AcknowledgementKind): Disclosure {
  const form = kind === 'portal-refusal-notice' ? 'msi-rules-portal-notice' : 'msi-rules-app4-receipt';
  return { form, medium: 'print', table: 'intakes', recordIds: [intake.id], count: 1 };
}

/** The App. 4 receipt (desk, State Corporation) or the portal notice (L29), in the language chosen for it. */
function RefusalSheetButton({
  intake,
  person,
  appendix,
  office,
  ruleSet,
  kind,
  clause,
}: PanelProps & { office: OfficeProfile; ruleSet: RuleSet; kind: AcknowledgementKind; clause: Citation }) {
  const { t } = useTranslation();
  const portal = kind === 'portal-refusal-notice';
  // The App. 4 receipt cites the rule set's para 8 (L28); the portal notice its own paragraph (L29).
  const common = { intake, applicantName: fullName(person), office, appendix, basis: portal ? clause : ruleSet.medicalCard.intakeRefusal };
  return (
    <>
      {portal ? (
        <PrintSheetButton
          languageLabel={t('intake.notice.language')}
          openLabel={t('intake.notice.open')}
          previewTitle={t('intake.notice.previewTitle')}
          suggestedName={`portal-notice-${intake.registrationDate}.pdf`}
          disclosure={disclosureOf(intake, kind)}
          sheet={(language) => <PortalNoticeSheet {...common} applicantIin={person.iin} language={language} />}
        />
      ) : (
        <PrintSheetButton
          languageLabel={t('intake.receipt.language')}
          openLabel={t('intake.receipt.open')}
          previewTitle={t('intake.receipt.previewTitle')}
          suggestedName={`receipt-app4-${intake.registrationDate}.pdf`}
          disclosure={disclosureOf(intake, kind)}
          sheet={(language) => <ReceiptSheet {...common} language={language} />}
        />
      )}
    </>
  );
}

/**
 * What the applicant gets for this channel and outcome (para 6, 001 L20-23; para 8, L28-29), its
 * clause, the sheet to print when the package is refused, and the record that it was given or sent.
 */
export function AcknowledgementPanel(props: PanelProps) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const { intake, ruleSet } = props;
  const rule = acknowledgementFor(intake.channel, intake.check.result);
  const terms = useIntakeTerms(intake, ruleSet);
  if (!rule) return null;
  return (
    <section className="card" aria-labelledby="intake-ack-title" data-testid="acknowledgement" data-kind={rule.kind}>
      <h2 id="intake-ack-title">{t('intake.ack.title')}</h2>
      <p>{t('intake.ack.intro', { channel: t(`intake.channel.${intake.channel}`) })}</p>
      <p>
        <strong data-testid="acknowledgement-kind">{t(`intake.ack.kind.${rule.kind}`)}</strong>
        <Citations citations={[rule.citation]} />
      </p>
      {rule.kind === 'provider-talon' && terms.ok ? (
        <p className="muted">
          {t('intake.ack.talon', {
            registered: formatDate(intake.registrationDate),
            due: formatDate(terms.value.total.due),
            officer: intake.officerName,
          })}
        </p>
      ) : null}
      {rule.outcome === 'refused' && office && ruleSet ? (
        <RefusalSheetButton {...props} office={office} ruleSet={ruleSet} kind={rule.kind} clause={rule.citation} />
      ) : null}
      <RecordAcknowledgement intake={intake} />
    </section>
  );
}
