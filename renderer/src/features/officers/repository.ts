import {
  can,
  hashPassword,
  officerInput,
  passwordChangeInput,
  verifyPassword,
  type Officer,
  type OfficerInput,
  type PasswordChangeInput,
} from '@shared/officers';
import { err, ok, type Result } from '@shared/result';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';

export type OfficerWriteError =
  | { code: 'invalid'; errors: FieldErrors }
  | { code: 'duplicate-login' }
  | { code: 'forbidden' }
  | { code: 'not-found' }
  | { code: 'last-administrator' };

/** What the audit log keeps of an account: never the password hash. */
function auditView(o: Officer): Omit<Officer, 'password'> {
  const { password: _password, ...rest } = o;
  return rest;
}

export function countOfficers(db: QamqorDb): Promise<number> {
  return db.officers.count();
}

export function listOfficers(db: QamqorDb): Promise<Officer[]> {
  return db.officers.orderBy('login').toArray();
}

export function getOfficer(db: QamqorDb, id: string): Promise<Officer | undefined> {
  return db.officers.get(id);
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
 * Stores a prepared account. The first account of an installation is made at setup with no one
 * signed in and must be an administrator; every later one needs an administrator (issue 8). Runs
 * inside the caller's transaction when there is one (tables: officers, auditLog).
 */
export async function insertOfficer(db: QamqorDb, ctx: WriteContext | null, officer: Officer): Promise<Result<Officer, OfficerWriteError>> {
  return db.transaction('rw', db.officers, db.auditLog, async () => {
    const isFirst = (await db.officers.count()) === 0;
    if (!isFirst && !(ctx && can(ctx.roles, 'accounts.manage'))) return err({ code: 'forbidden' } as const);
    if (isFirst && !officer.roles.includes('administrator'))
      return err({ code: 'invalid', errors: { roles: 'validation.firstAdministrator' } } as const);
    if (await db.officers.where('login').equals(officer.login).first()) return err({ code: 'duplicate-login' } as const);
    await db.officers.add(officer);
    const auditCtx: WriteContext = ctx ?? {
      actor: { officerName: officer.fullName, officeId: '' },
      roles: officer.roles,
      now: () => officer.createdAt,
      newId: () => officer.id,
    };
    await appendAudit(db, auditCtx, { action: 'create', table: 'officers', recordId: officer.id, after: auditView(officer) });
    return ok(officer);
  });
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

export type SignInError = { code: 'unknown-or-wrong' } | { code: 'inactive' };

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

export async function recordSignIn(db: QamqorDb, ctx: WriteContext, officer: Officer): Promise<void> {
  await db.transaction('rw', db.auditLog, () => appendAudit(db, ctx, { action: 'sign-in', table: 'officers', recordId: officer.id }));
}

export async function changePassword(
  db: QamqorDb,
  ctx: WriteContext,
  officerId: string,
  input: PasswordChangeInput,
): Promise<Result<true, OfficerWriteError | { code: 'wrong-password' }>> {
  const parsed = passwordChangeInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const officer = await db.officers.get(officerId);
  if (!officer) return err({ code: 'not-found' });
  if (!(await verifyPassword(parsed.data.current, officer.password))) return err({ code: 'wrong-password' });
  const password = await hashPassword(parsed.data.password);
  const now = ctx.now();
  await db.transaction('rw', db.officers, db.auditLog, async () => {
    await db.officers.update(officerId, { password, passwordChangedAt: now, updatedAt: now });
    await appendAudit(db, ctx, { action: 'update', table: 'officers', recordId: officerId, after: { passwordChangedAt: now } });
  });
  return ok(true);
}

/** Deactivates an account with a reason; the last active administrator cannot be deactivated. */
export async function deactivateOfficer(
  db: QamqorDb,
  ctx: WriteContext,
  officerId: string,
  reason: string,
): Promise<Result<Officer, OfficerWriteError>> {
  if (!can(ctx.roles, 'accounts.manage')) return err({ code: 'forbidden' });
  if (reason.trim().length < 3) return err({ code: 'invalid', errors: { reason: 'validation.required' } });
  return db.transaction('rw', db.officers, db.auditLog, async () => {
    const before = await db.officers.get(officerId);
    if (!before) return err({ code: 'not-found' } as const);
    const admins = (await db.officers.toArray()).filter((o) => o.active && o.roles.includes('administrator'));
    if (before.roles.includes('administrator') && admins.length <= 1) return err({ code: 'last-administrator' } as const);
    const after: Officer = { ...before, active: false, deactivatedReason: reason.trim(), updatedAt: ctx.now() };
    await db.officers.put(after);
    await appendAudit(db, ctx, {
      action: 'status',
      table: 'officers',
      recordId: officerId,
      before: auditView(before),
      after: auditView(after),
    });
    return ok(after);
  });
}
