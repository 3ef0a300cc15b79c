import type { Case } from '@shared/cases';
import {
  acknowledgementFor,
  acknowledgementInput,
  applyMedicalCardOverride,
  checkIntake,
  intakeInput,
  nextVersion,
  overrideRuleSetId,
  progressInput,
  type AcknowledgementInput,
  type Intake,
  type IntakeData,
  type IntakeInput,
  type IntakeProgress,
  type IntakeScan,
  type MedicalCardOverride,
  type ProgressInput,
} from '@shared/intake';
import { fullName, type Person } from '@shared/persons';
import { ruleSetInForce, ruleSetSchema, type RuleSet } from '@shared/rules';
import { sha256Hex } from '@shared/bundle/bytes';
import { checkIntakeDates } from '@shared/timeline';
import { createEnvelope } from '@shared/records/envelope';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import {
  getOrRefuse,
  insertRecord,
  invalid,
  parseInput,
  refuse,
  requirePermission,
  runWrite,
  updateRecord,
  type WriteResult,
} from '../../db/write';

/** The codes an intake write adds to the shared invalid / not-found / forbidden (db/write.ts). */
export type IntakeWriteExtra = { code: 'case-not-found' } | { code: 'person-not-found' } | { code: 'no-rule-set'; date: string };
export type ProgressWriteExtra = { code: 'refused' };
export type ScanWriteExtra =
  | { code: 'empty' }
  | { code: 'too-large'; maxBytes: number }
  | { code: 'type'; mimeType: string }
  | { code: 'duplicate'; fileName: string };
export type OverrideWriteExtra = { code: 'schema'; issues: string[] };

const intakes = (db: QamqorDb) => db.table<Intake, string>('intakes');
const documents = (db: QamqorDb) => db.table<IntakeScan, string>('documents');

export const EMPTY_PROGRESS: IntakeProgress = { assessmentConclusionOn: '', decisionOn: '', decisionKind: '', portalNoticeOn: '' };

/** Scans of card pages: photos or PDF, at most 20 MB each (a scanned multi-page PDF stays well below). */
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;
export const SCAN_ACCEPT = 'image/*,application/pdf';
const scanTypeOk = (mime: string): boolean => mime === 'application/pdf' || /^image\/[a-z0-9.+-]+$/u.test(mime);

export function intakeDataOf(
  person: Person,
  v: Pick<Intake, 'situation' | 'presentedDocumentIds' | 'identity' | 'consentIds' | 'card' | 'conditionalDocuments'>,
): IntakeData {
  return {
    person: { fullName: fullName(person), birthDate: person.birthDate, sex: person.sex },
    situation: v.situation,
    presentedDocumentIds: v.presentedDocumentIds,
    identity: v.identity,
    consentIds: v.consentIds,
    conditionalDocuments: v.conditionalDocuments ?? {},
    card: v.card,
  };
}

/** App. 2 has no stay choice, relatives block or liability warning (L160-180): nothing of them is kept for it. */
function applicationFor(form: Intake['form'], application: Intake['application']): Intake['application'] {
  return form === 'stationary' ? application : { ...application, stayMode: null, relatives: [], warnedOfLiability: false };
}

/**
 * Inside a write: the package is registered on a day that has come (issue 16 point 2; shared/timeline
 * checkIntakeDates, social-assistance-and-hearings.md S003:72 the registration date on the coupon). The
 * application's and the card's own dates are held to the registration date by the input schema.
 */
function checkRegistrationDate(registrationDate: string, today: string): void {
  const r = checkIntakeDates({ registrationDate }, ['registrationDate'], today);
  if (!r.ok) invalid('registrationDate', 'intake.validation.future');
}

/** Inside a write: the case, its person and the rules in force on `date`, or a refusal. */
async function loadContext(db: QamqorDb, caseId: string, date: string): Promise<{ kase: Case; person: Person; ruleSet: RuleSet }> {
  const kase = (await db.cases.get(caseId)) ?? refuse({ code: 'case-not-found' });
  const person = (await db.persons.get(kase.personId)) ?? refuse({ code: 'person-not-found' });
  // Guide §1: the rules in force on the day the package was handed in, including an administrator's newer version.
  const ruleSet = ruleSetInForce(await db.ruleSets.toArray(), date);
  if (!ruleSet.ok) refuse({ code: 'no-rule-set', date });
  return { kase, person, ruleSet: ruleSet.value };
}

/**
 * Saves a new intake, checked against the rules in force on its registration date. `today` is the day
 * of entry: the relatives' IINs must give a plausible birth date on it (issue 18 point 9).
 */
export function createIntake(
  db: QamqorDb,
  ctx: WriteContext,
  input: IntakeInput,
  today: string,
): Promise<WriteResult<Intake, IntakeWriteExtra>> {
  return runWrite(db, [intakes(db), db.cases, db.persons, db.ruleSets], async () => {
    const v = parseInput(intakeInput(today), input);
    checkRegistrationDate(v.registrationDate, today);
    const { kase, person, ruleSet } = await loadContext(db, v.caseId, v.registrationDate);
    return insertRecord(db, ctx, intakes(db), {
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
      conditionalDocuments: v.conditionalDocuments,
      card: v.card,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      check: checkIntake(ruleSet.medicalCard, v.form, intakeDataOf(person, v), v.registrationDate),
      progress: EMPTY_PROGRESS,
    });
  });
}

/**
 * Corrects what was entered; the check runs again against the rules in force on the registration date.
 * An acknowledgement recorded for another channel or outcome no longer describes the intake and goes
 * (the audit trail keeps it).
 */
export function updateIntake(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: IntakeInput,
  today: string,
): Promise<WriteResult<Intake, IntakeWriteExtra>> {
  return runWrite(db, [intakes(db), db.cases, db.persons, db.ruleSets], async () => {
    const v = parseInput(intakeInput(today), input);
    checkRegistrationDate(v.registrationDate, today);
    const before = await getOrRefuse(intakes(db), id);
    const { person, ruleSet } = await loadContext(db, before.caseId, v.registrationDate);
    const check = checkIntake(ruleSet.medicalCard, v.form, intakeDataOf(person, v), v.registrationDate);
    const expected = acknowledgementFor(v.channel, check.result)?.kind;
    return updateRecord(db, ctx, intakes(db), before, {
      form: v.form,
      registrationDate: v.registrationDate,
      channel: v.channel,
      officerPhone: v.officerPhone,
      application: applicationFor(v.form, v.application),
      situation: v.situation,
      presentedDocumentIds: v.presentedDocumentIds,
      identity: v.identity,
      consentIds: v.consentIds,
      conditionalDocuments: v.conditionalDocuments,
      card: v.card,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      check,
      acknowledgement: before.acknowledgement?.kind === expected ? before.acknowledgement : undefined,
      // A package refused at the counter was never registered: no term, no decision.
      progress: check.result === 'refuse' ? EMPTY_PROGRESS : before.progress,
    });
  });
}

export function recordProgress(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: ProgressInput,
  today: string,
): Promise<WriteResult<Intake, ProgressWriteExtra>> {
  return runWrite(db, [intakes(db)], async () => {
    const before = await getOrRefuse(intakes(db), id);
    if (before.check.result === 'refuse') refuse({ code: 'refused' });
    const progress = parseInput(progressInput(before.registrationDate, today), input);
    return updateRecord(db, ctx, intakes(db), before, { progress }, 'status');
  });
}

/**
 * Records the acknowledgement the channel gives (issue 18 point 4; para 6, 001 L20-23; para 8, L28-29):
 * its kind follows from the channel and the check, the officer gives the day and the number.
 */
export function recordAcknowledgement(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: AcknowledgementInput,
  today: string,
): Promise<WriteResult<Intake>> {
  return runWrite(db, [intakes(db)], async () => {
    const before = await getOrRefuse(intakes(db), id);
    const v = parseInput(acknowledgementInput(before.registrationDate, today), input);
    const rule = acknowledgementFor(before.channel, before.check.result) ?? refuse({ code: 'not-found' });
    return updateRecord(db, ctx, intakes(db), before, { acknowledgement: { kind: rule.kind, ...v } }, 'status');
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

// Scans are stored by the same digest bundles use to carry attachments once.
export { sha256Hex };

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
): Promise<WriteResult<IntakeScan, ScanWriteExtra>> {
  if (file.bytes.byteLength === 0) return { ok: false, error: { code: 'empty' } };
  if (file.bytes.byteLength > SCAN_MAX_BYTES) return { ok: false, error: { code: 'too-large', maxBytes: SCAN_MAX_BYTES } };
  if (!scanTypeOk(file.type)) return { ok: false, error: { code: 'type', mimeType: file.type } };
  // Hashed before the transaction: a non-IndexedDB await inside it would let it commit early.
  const digest = await sha256Hex(file.bytes);
  return runWrite(db, [intakes(db), documents(db)], async () => {
    const intake = await getOrRefuse(intakes(db), intakeId);
    const same = await documents(db)
      .where('digest')
      .equals(digest)
      .filter((d) => d.ownerId === intakeId)
      .first();
    if (same) refuse({ code: 'duplicate', fileName: same.fileName });
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
    // The audit entry keeps the metadata, not the bytes.
    const { blob: _blob, ...meta } = scan;
    await appendAudit(db, ctx, { action: 'create', table: 'documents', recordId: scan.id, after: meta });
    return scan;
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
export function saveMedicalCardOverride(
  db: QamqorDb,
  ctx: WriteContext,
  baseId: string,
  override: MedicalCardOverride,
): Promise<WriteResult<RuleSet, OverrideWriteExtra>> {
  return runWrite(db, [db.ruleSets], async () => {
    // Issue 8: only an administrator edits rule sets.
    requirePermission(ctx, 'reference.edit');
    const base = await getOrRefuse(db.ruleSets, baseId);
    const all = await db.ruleSets.toArray();
    const version = nextVersion(base, all);
    let id = overrideRuleSetId(base.id, version);
    for (let n = 2; all.some((r) => r.id === id); n += 1) id = `${overrideRuleSetId(base.id, version)}-${n}`;
    const applied = applyMedicalCardOverride(base, override, version, id);
    if (!applied.ok) refuse({ code: 'invalid', errors: applied.error });
    const valid = ruleSetSchema.safeParse(applied.value);
    if (!valid.success) refuse({ code: 'schema', issues: valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    await db.ruleSets.add(valid.data);
    await appendAudit(db, ctx, {
      action: 'settings',
      table: 'ruleSets',
      recordId: id,
      before: { id: base.id, version: base.version },
      after: valid.data,
    });
    return valid.data;
  });
}

/** Fresh reference data for the store after an administrator's change. */
export function loadRuleSets(db: QamqorDb): Promise<RuleSet[]> {
  return db.ruleSets.orderBy('validFrom').toArray();
}
