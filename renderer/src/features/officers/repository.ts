import {
  afterFailure,
  can,
  hashPassword,
  remainingWaitMs,
  type SignInFailures,
  officerInput,
  passwordChangeInput,
  verifyPassword,
  type Officer,
  type OfficerInput,
  type PasswordChangeInput,
} from '@shared/officers';
import { err, ok, type Result } from '@shared/result';
import { fieldErrors } from '@shared/validation';
import type { OfficeProfile } from '@shared/office';
import { systemContext, type WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit, recordAuditEvent } from '../../db/repositories/audit';
import {
  getOrRefuse,
  invalid,
  refuse,
  requirePermission,
  runPlainWrite,
  runWrite,
  type WriteError,
  type WriteResult,
} from '../../db/write';

/** The refusals of account writes besides the three every write shares. */
type OfficerRefusal = { code: 'duplicate-login' } | { code: 'last-administrator' };
export type OfficerWriteError = WriteError<OfficerRefusal>;

/** What the audit log keeps of an account: never the password hash. */
function auditView(o: Officer): Omit<Officer, 'password'> {
  const { password: _password, ...rest } = o;
  return rest;
}

export function listOfficers(db: QamqorDb): Promise<Officer[]> {
  return db.officers.orderBy('login').toArray();
}

/**
 * Validates an account and hashes its password. Hashing takes a moment (600,000 PBKDF2 rounds), so
 * it runs before any transaction opens: awaiting WebCrypto inside IndexedDB work would let the
 * transaction commit early.
 */
export async function prepareOfficer(input: OfficerInput, now: string, id: string): Promise<Result<Officer, OfficerWriteError>> {
  const parsed = officerInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  return ok({
    id,
    login: parsed.data.login,
    fullName: parsed.data.fullName,
    position: parsed.data.position,
    roles: parsed.data.roles,
    password: await hashPassword(parsed.data.password),
    active: true,
    createdAt: now,
    updatedAt: now,
    passwordChangedAt: now,
  });
}

/**
 * Inside `runWrite` (tables: officers): stores a prepared account. The first account of an
 * installation is made at setup with no one signed in and must be an administrator; every later one
 * needs an administrator (issue 8).
 */
export async function addOfficer(db: QamqorDb, ctx: WriteContext | null, officer: Officer): Promise<Officer> {
  const isFirst = (await db.officers.count()) === 0;
  if (!isFirst && !(ctx && can(ctx.roles, 'accounts.manage'))) refuse({ code: 'forbidden' });
  if (isFirst && !officer.roles.includes('administrator')) invalid('roles', 'validation.firstAdministrator');
  if (await db.officers.where('login').equals(officer.login).first()) refuse<OfficerRefusal>({ code: 'duplicate-login' });
  await db.officers.add(officer);
  const auditCtx: WriteContext = ctx ?? {
    actor: { officerName: officer.fullName, officeId: '' },
    roles: officer.roles,
    now: () => officer.createdAt,
    newId: () => officer.id,
  };
  await appendAudit(db, auditCtx, { action: 'create', table: 'officers', recordId: officer.id, after: auditView(officer) });
  return officer;
}

/** Stores a prepared account in its own write (see `addOfficer`). */
export function insertOfficer(db: QamqorDb, ctx: WriteContext | null, officer: Officer): Promise<WriteResult<Officer, OfficerRefusal>> {
  return runWrite(db, [db.officers], () => addOfficer(db, ctx, officer));
}

export async function createOfficer(
  db: QamqorDb,
  ctx: WriteContext | null,
  input: OfficerInput,
  now: string,
  id: string,
): Promise<Result<Officer, OfficerWriteError>> {
  const prepared = await prepareOfficer(input, now, id);
  return prepared.ok ? insertOfficer(db, ctx, prepared.value) : prepared;
}

export type SignInError = { code: 'unknown-or-wrong' } | { code: 'inactive' } | { code: 'locked'; waitMs: number };

/** Checks a sign-in; the same message for an unknown login and a wrong password, so logins cannot be probed. */
export async function authenticate(db: QamqorDb, login: string, password: string): Promise<Result<Officer, SignInError>> {
  const officer = await db.officers.where('login').equals(login.trim().toLowerCase()).first();
  if (!officer) {
    // Spend the same time as a real check.
    await verifyPassword(password, {
      algorithm: 'PBKDF2-SHA-256',
      iterations: 600_000,
      salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
      hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    });
    return err({ code: 'unknown-or-wrong' });
  }
  if (!(await verifyPassword(password, officer.password))) return err({ code: 'unknown-or-wrong' });
  if (!officer.active) return err({ code: 'inactive' });
  return ok(officer);
}

const FAILURES_PREFIX = 'signInFailures/';

function isFailures(v: unknown): v is SignInFailures {
  return typeof v === 'object' && v !== null && 'login' in v && 'count' in v && typeof v.count === 'number';
}

/** The failed sign-ins of one account (by login as typed, lower-cased), kept in IndexedDB so a reload keeps the wait. */
export async function readSignInFailures(db: QamqorDb, login: string): Promise<SignInFailures | null> {
  const v = (await db.settings.get(FAILURES_PREFIX + login.trim().toLowerCase()))?.value;
  return isFailures(v) ? v : null;
}

/** Every account's failed sign-ins, for the administrator (most failures first). */
export async function listSignInFailures(db: QamqorDb): Promise<SignInFailures[]> {
  const rows = await db.settings.where('key').startsWith(FAILURES_PREFIX).toArray();
  return rows
    .map((r) => r.value)
    .filter(isFailures)
    .sort((a, b) => b.total - a.total || a.login.localeCompare(b.login));
}

/**
 * A sign-in that resists guessing (issue 19): while an account waits after repeated failures nothing is
 * tried (the attempt is still recorded); each failure is counted in IndexedDB and written to the audit
 * trail, and from the fifth on starts a wait (30 s, doubling, capped: shared/officers `signInDelayMs`)
 * that is written as a `lock` entry. A success clears the count and writes `sign-in`.
 */
export async function signIn(
  db: QamqorDb,
  office: OfficeProfile,
  login: string,
  password: string,
  now: () => Date = () => new Date(),
): Promise<Result<Officer, SignInError>> {
  const key = login.trim().toLowerCase();
  const wait = remainingWaitMs(await readSignInFailures(db, key), now());
  const ctx = systemContext({ officerName: key, officeId: office.officeId }, []);
  if (wait > 0) {
    await recordAuditEvent(db, ctx, {
      action: 'sign-in-failed',
      table: 'officers',
      recordId: key,
      after: { reason: 'locked', waitMs: wait },
    });
    return err({ code: 'locked', waitMs: wait });
  }
  const result = await authenticate(db, key, password);
  if (result.ok) {
    await runPlainWrite(db, [db.settings], async () => {
      const previous = await readSignInFailures(db, key);
      if (previous && previous.count > 0) {
        const { lockedUntil: _l, ...rest } = previous;
        await db.settings.put({ key: FAILURES_PREFIX + key, value: { ...rest, count: 0 } });
      }
      await appendAudit(db, writeContextOf(office, result.value), { action: 'sign-in', table: 'officers', recordId: result.value.id });
    });
    return result;
  }
  const known = await db.officers.where('login').equals(key).first();
  const delayMs = await runPlainWrite(db, [db.settings], async () => {
    const next = afterFailure(await readSignInFailures(db, key), key, now());
    await db.settings.put({ key: FAILURES_PREFIX + key, value: next.state });
    const recordId = known?.id ?? key;
    await appendAudit(db, ctx, {
      action: 'sign-in-failed',
      table: 'officers',
      recordId,
      after: { reason: result.error.code, failures: next.state.count },
    });
    if (next.delayMs > 0) {
      await appendAudit(db, ctx, {
        action: 'lock',
        table: 'officers',
        recordId,
        after: { reason: 'sign-in-failures', failures: next.state.count, lockedUntil: next.state.lockedUntil },
      });
    }
    return next.delayMs;
  });
  return delayMs > 0 ? err({ code: 'locked', waitMs: delayMs }) : result;
}

function writeContextOf(office: OfficeProfile, officer: Officer): WriteContext {
  return systemContext({ officerName: officer.fullName, officeId: office.officeId }, officer.roles);
}

export async function recordSignIn(db: QamqorDb, ctx: WriteContext, officer: Officer): Promise<void> {
  await runPlainWrite(db, [], () => appendAudit(db, ctx, { action: 'sign-in', table: 'officers', recordId: officer.id }));
}

export async function changePassword(
  db: QamqorDb,
  ctx: WriteContext,
  officerId: string,
  input: PasswordChangeInput,
): Promise<WriteResult<true, OfficerRefusal | { code: 'wrong-password' }>> {
  const parsed = passwordChangeInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const officer = await db.officers.get(officerId);
  if (!officer) return err({ code: 'not-found' });
  if (!(await verifyPassword(parsed.data.current, officer.password))) return err({ code: 'wrong-password' });
  const password = await hashPassword(parsed.data.password);
  const now = ctx.now();
  return runWrite(db, [db.officers], async () => {
    await db.officers.update(officerId, { password, passwordChangedAt: now, updatedAt: now });
    await appendAudit(db, ctx, { action: 'update', table: 'officers', recordId: officerId, after: { passwordChangedAt: now } });
    return true as const;
  });
}

/** Deactivates an account with a reason; the last active administrator cannot be deactivated. */
export async function deactivateOfficer(
  db: QamqorDb,
  ctx: WriteContext,
  officerId: string,
  reason: string,
): Promise<WriteResult<Officer, OfficerRefusal>> {
  return runWrite(db, [db.officers], async () => {
    requirePermission(ctx, 'accounts.manage');
    if (reason.trim().length < 3) invalid('reason', 'validation.required');
    const before = await getOrRefuse(db.officers, officerId);
    const admins = (await db.officers.toArray()).filter((o) => o.active && o.roles.includes('administrator'));
    if (before.roles.includes('administrator') && admins.length <= 1) refuse<OfficerRefusal>({ code: 'last-administrator' });
    const after: Officer = { ...before, active: false, deactivatedReason: reason.trim(), updatedAt: ctx.now() };
    await db.officers.put(after);
    await appendAudit(db, ctx, {
      action: 'status',
      table: 'officers',
      recordId: officerId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
