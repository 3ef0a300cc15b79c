import type { Case } from '@shared/cases';
import {
  applyMedicalCardOverride,
  checkIntake,
  intakeInput,
  nextVersion,
  overrideRuleSetId,
  progressInput,
  type Intake,
  type IntakeData,
  type IntakeInput,
  type IntakeProgress,
  type IntakeScan,
  type MedicalCardOverride,
  type ProgressInput,
} from '@shared/intake';
import { fullName, type Person } from '@shared/persons';
import { createEnvelope, touchEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { ruleSetInForce, ruleSetSchema, type RuleSet } from '@shared/rules';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { sha256Hex } from '@shared/bundle/bytes';
import { can } from '@shared/officers';

export type IntakeWriteError =
  | { code: 'invalid'; errors: FieldErrors }
  | { code: 'case-not-found' }
  | { code: 'person-not-found' }
  | { code: 'not-found' }
  | { code: 'no-rule-set'; date: string };

export type ProgressWriteError = { code: 'invalid'; errors: FieldErrors } | { code: 'not-found' } | { code: 'refused' };

export type ScanWriteError =
  | { code: 'not-found' }
  | { code: 'empty' }
  | { code: 'too-large'; maxBytes: number }
  | { code: 'type'; mimeType: string }
  | { code: 'duplicate'; fileName: string };

export type OverrideWriteError =
  { code: 'invalid'; errors: FieldErrors } | { code: 'not-found' } | { code: 'schema'; issues: string[] } | { code: 'forbidden' };

const intakes = (db: QamqorDb) => db.table<Intake, string>('intakes');
const documents = (db: QamqorDb) => db.table<IntakeScan, string>('documents');

export const EMPTY_PROGRESS: IntakeProgress = { assessmentConclusionOn: '', decisionOn: '', decisionKind: '', portalNoticeOn: '' };

/** Scans of card pages: photos or PDF, at most 20 MB each (a scanned multi-page PDF stays well below). */
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;
export const SCAN_ACCEPT = 'image/*,application/pdf';
const scanTypeOk = (mime: string): boolean => mime === 'application/pdf' || /^image\/[a-z0-9.+-]+$/u.test(mime);

export function intakeDataOf(
  person: Person,
  v: Pick<Intake, 'situation' | 'presentedDocumentIds' | 'identity' | 'consentIds' | 'card'>,
): IntakeData {
  return {
    person: { fullName: fullName(person), birthDate: person.birthDate, sex: person.sex },
    situation: v.situation,
    presentedDocumentIds: v.presentedDocumentIds,
    identity: v.identity,
    consentIds: v.consentIds,
    card: v.card,
  };
}

/** App. 2 has no stay choice, relatives block or liability warning (L160-180): nothing of them is kept for it. */
function applicationFor(form: Intake['form'], application: Intake['application']): Intake['application'] {
  return form === 'stationary' ? application : { ...application, stayMode: null, relatives: [], warnedOfLiability: false };
}

async function loadContext(
  db: QamqorDb,
  caseId: string,
  date: string,
): Promise<Result<{ kase: Case; person: Person; ruleSet: RuleSet }, IntakeWriteError>> {
  const kase = await db.cases.get(caseId);
  if (!kase) return err({ code: 'case-not-found' });
  const person = await db.persons.get(kase.personId);
  if (!person) return err({ code: 'person-not-found' });
  // Guide §1: the rules in force on the day the package was handed in, including an administrator's newer version.
  const ruleSet = ruleSetInForce(await db.ruleSets.toArray(), date);
  if (!ruleSet.ok) return err({ code: 'no-rule-set', date });
  return ok({ kase, person, ruleSet: ruleSet.value });
}

export async function createIntake(db: QamqorDb, ctx: WriteContext, input: IntakeInput): Promise<Result<Intake, IntakeWriteError>> {
  const parsed = intakeInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const v = parsed.data;
  return db.transaction('rw', [intakes(db), db.cases, db.persons, db.ruleSets, db.auditLog], async () => {
    const c = await loadContext(db, v.caseId, v.registrationDate);
    if (!c.ok) return c;
    const { kase, person, ruleSet } = c.value;
    const record: Intake = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      caseId: kase.id,
      personId: person.id,
      form: v.form,
      registrationDate: v.registrationDate,
      channel: v.channel,
      officerName: ctx.actor.officerName,
      officerPhone: v.officerPhone,
      application: applicationFor(v.form, v.application),
      situation: v.situation,
      presentedDocumentIds: v.presentedDocumentIds,
      identity: v.identity,
      consentIds: v.consentIds,
      card: v.card,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      check: checkIntake(ruleSet.medicalCard, v.form, intakeDataOf(person, v), v.registrationDate),
      progress: EMPTY_PROGRESS,
    };
    await intakes(db).add(record);
    await appendAudit(db, ctx, { action: 'create', table: 'intakes', recordId: record.id, after: record });
    return ok(record);
  });
}

/** Corrects what was entered; the check runs again against the rules in force on the registration date. */
export async function updateIntake(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: IntakeInput,
): Promise<Result<Intake, IntakeWriteError>> {
  const parsed = intakeInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const v = parsed.data;
  return db.transaction('rw', [intakes(db), db.cases, db.persons, db.ruleSets, db.auditLog], async () => {
    const before = await intakes(db).get(id);
    if (!before) return err({ code: 'not-found' } as const);
    const c = await loadContext(db, before.caseId, v.registrationDate);
    if (!c.ok) return c;
    const { person, ruleSet } = c.value;
    const check = checkIntake(ruleSet.medicalCard, v.form, intakeDataOf(person, v), v.registrationDate);
    const after: Intake = touchEnvelope(
      {
        ...before,
        form: v.form,
        registrationDate: v.registrationDate,
        channel: v.channel,
        officerPhone: v.officerPhone,
        application: applicationFor(v.form, v.application),
        situation: v.situation,
        presentedDocumentIds: v.presentedDocumentIds,
        identity: v.identity,
        consentIds: v.consentIds,
        card: v.card,
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        check,
        // A package refused at the counter was never registered: no term, no decision.
        progress: check.result === 'refuse' ? EMPTY_PROGRESS : before.progress,
      },
      ctx.actor,
      ctx.now(),
    );
    await intakes(db).put(after);
    await appendAudit(db, ctx, { action: 'update', table: 'intakes', recordId: id, before, after });
    return ok(after);
  });
}

export async function recordProgress(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: ProgressInput,
  today: string,
): Promise<Result<Intake, ProgressWriteError>> {
  return db.transaction('rw', [intakes(db), db.auditLog], async () => {
    const before = await intakes(db).get(id);
    if (!before) return err({ code: 'not-found' } as const);
    if (before.check.result === 'refuse') return err({ code: 'refused' } as const);
    const parsed = progressInput(before.registrationDate, today).safeParse(input);
    if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) } as const);
    const after = touchEnvelope({ ...before, progress: parsed.data }, ctx.actor, ctx.now());
    await intakes(db).put(after);
    await appendAudit(db, ctx, { action: 'status', table: 'intakes', recordId: id, before: before.progress, after: parsed.data });
    return ok(after);
  });
}

export function getIntake(db: QamqorDb, id: string): Promise<Intake | undefined> {
  return intakes(db).get(id);
}

/** Newest first. */
export function listIntakes(db: QamqorDb, limit = 500): Promise<Intake[]> {
  return intakes(db).orderBy('registrationDate').reverse().limit(limit).toArray();
}

export async function intakesOfCase(db: QamqorDb, caseId: string): Promise<Intake[]> {
  const rows = await intakes(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => b.registrationDate.localeCompare(a.registrationDate) || b.createdAt.localeCompare(a.createdAt));
}

/** The App. 4 receipt was printed: an entry in the audit trail, the record itself does not change. */
export async function recordReceiptPrinted(db: QamqorDb, ctx: WriteContext, id: string): Promise<void> {
  await db.transaction('rw', db.auditLog, async () => {
    await appendAudit(db, ctx, { action: 'print', table: 'intakes', recordId: id, after: { form: 'msi-rules App. 4' } });
  });
}

// Scans are stored by the same digest bundles use to carry attachments once.
export { sha256Hex } from '@shared/bundle/bytes';

export interface ScanFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** Stores a scan of card pages with its SHA-256 digest; the same file twice on one intake is refused. */
export async function attachScan(
  db: QamqorDb,
  ctx: WriteContext,
  intakeId: string,
  file: ScanFile,
): Promise<Result<IntakeScan, ScanWriteError>> {
  if (file.bytes.byteLength === 0) return err({ code: 'empty' });
  if (file.bytes.byteLength > SCAN_MAX_BYTES) return err({ code: 'too-large', maxBytes: SCAN_MAX_BYTES });
  if (!scanTypeOk(file.type)) return err({ code: 'type', mimeType: file.type });
  const digest = await sha256Hex(file.bytes);
  return db.transaction('rw', [intakes(db), documents(db), db.auditLog], async () => {
    const intake = await intakes(db).get(intakeId);
    if (!intake) return err({ code: 'not-found' } as const);
    const same = await documents(db)
      .where('digest')
      .equals(digest)
      .filter((d) => d.ownerId === intakeId)
      .first();
    if (same) return err({ code: 'duplicate', fileName: same.fileName } as const);
    const scan: IntakeScan = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      ownerId: intakeId,
      caseId: intake.caseId,
      digest,
      fileName: file.name,
      mimeType: file.type,
      size: file.bytes.byteLength,
      blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }),
    };
    await documents(db).add(scan);
    const { blob: _blob, ...meta } = scan;
    await appendAudit(db, ctx, { action: 'create', table: 'documents', recordId: scan.id, after: meta });
    return ok(scan);
  });
}

export async function scansOf(db: QamqorDb, intakeId: string): Promise<IntakeScan[]> {
  const rows = await documents(db).where('ownerId').equals(intakeId).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Saves an administrator's validity periods and contraindications as a NEW version of `baseId`
 * (same validFrom, higher version), validated like any rule set; the stored sets are never edited.
 */
export async function saveMedicalCardOverride(
  db: QamqorDb,
  ctx: WriteContext,
  baseId: string,
  override: MedicalCardOverride,
): Promise<Result<RuleSet, OverrideWriteError>> {
  // Issue 8: only an administrator edits rule sets.
  if (!can(ctx.roles, 'reference.edit')) return err({ code: 'forbidden' });
  return db.transaction('rw', [db.ruleSets, db.auditLog], async () => {
    const base = await db.ruleSets.get(baseId);
    if (!base) return err({ code: 'not-found' } as const);
    const all = await db.ruleSets.toArray();
    const version = nextVersion(base, all);
    let id = overrideRuleSetId(base.id, version);
    for (let n = 2; all.some((r) => r.id === id); n += 1) id = `${overrideRuleSetId(base.id, version)}-${n}`;
    const applied = applyMedicalCardOverride(base, override, version, id);
    if (!applied.ok) return err({ code: 'invalid', errors: applied.error } as const);
    const valid = ruleSetSchema.safeParse(applied.value);
    if (!valid.success) return err({ code: 'schema', issues: valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } as const);
    await db.ruleSets.add(valid.data);
    await appendAudit(db, ctx, {
      action: 'settings',
      table: 'ruleSets',
      recordId: id,
      before: { id: base.id, version: base.version },
      after: valid.data,
    });
    return ok(valid.data);
  });
}

/** Fresh reference data for the store after an administrator's change. */
export function loadRuleSets(db: QamqorDb): Promise<RuleSet[]> {
  return db.ruleSets.orderBy('validFrom').toArray();
}
