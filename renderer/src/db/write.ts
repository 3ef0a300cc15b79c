/**
 * The one write path of every repository: validate, check the role, run in one readwrite transaction
 * with the audit entry of the change, and leave with a typed error instead of an exception. A refusal
 * thrown inside the transaction rolls it back, so nothing half-written remains.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { can, type Permission } from '@shared/officers';
import { createEnvelope, touchEnvelope, type NewRecord, type RecordEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from './context';
import type { QamqorDb } from './database';
import { appendAudit, type AuditAction } from './repositories/audit';

/**
 * The one error type of every write: the three refusals all repositories share, plus the codes a
 * feature adds (`WriteError<{ code: 'decided' } | { code: 'no-notice' }>`).
 */
export type WriteError<Extra = never> = { code: 'invalid'; errors: FieldErrors } | { code: 'not-found' } | { code: 'forbidden' } | Extra;

export type WriteResult<T, Extra = never> = Result<T, WriteError<Extra>>;

/** Thrown inside a write to roll its transaction back and leave with a typed error. */
class Refused extends Error {
  constructor(readonly error: unknown) {
    super('refused');
  }
}

/** Leaves the current write with `error`; the transaction rolls back. */
export function refuse<E>(error: E): never {
  throw new Refused(error);
}

/** Leaves with `invalid` for one field and its i18n key. */
export function invalid(field: string, key: string): never {
  return refuse({ code: 'invalid', errors: { [field]: key } });
}

/** Parses form input or leaves with `invalid` and every field's message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  return r.success ? r.data : refuse({ code: 'invalid', errors: fieldErrors(r.error) });
}

/** Leaves with `forbidden` unless the officer's roles grant the permission (shared/officers). */
export function requirePermission(ctx: WriteContext, permission: Permission): void {
  if (!can(ctx.roles, permission)) refuse({ code: 'forbidden' });
}

/**
 * Runs `body` in one readwrite transaction over `tables` (the audit log is added). Refusals become
 * `err`; any other failure (a full disk, a bug) propagates for the caller's failure display.
 */
export async function runWrite<T, Extra = never>(
  db: QamqorDb,
  tables: readonly Table[],
  body: () => Promise<T>,
): Promise<WriteResult<T, Extra>> {
  try {
    const scope = tables.includes(db.auditLog) ? [...tables] : [...tables, db.auditLog];
    return ok(await db.transaction('rw', scope, body));
  } catch (e: unknown) {
    if (e instanceof Refused) return err(e.error as WriteError<Extra>);
    throw e;
  }
}

/**
 * `runWrite` for a write nothing can refuse (a settings row, a sign-in's audit entry): returns the
 * body's value; a refusal inside it would be a bug and is thrown as one.
 */
export async function runPlainWrite<T>(db: QamqorDb, tables: readonly Table[], body: () => Promise<T>): Promise<T> {
  const r = await runWrite<T, unknown>(db, tables, body);
  if (r.ok) return r.value;
  throw new Error(`A write that cannot be refused was refused: ${JSON.stringify(r.error)}`);
}

/** Inside `runWrite`: adds a new record with its envelope and its `create` audit entry. */
export async function insertRecord<T extends RecordEnvelope>(
  db: QamqorDb,
  ctx: WriteContext,
  table: Table<T, string>,
  data: NewRecord<T>,
): Promise<T> {
  const record = { ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()), ...data } as T;
  await table.add(record);
  await appendAudit(db, ctx, { action: 'create', table: table.name, recordId: record.id, after: record });
  return record;
}

/** Inside `runWrite`: reads a record or leaves with `not-found`. */
export async function getOrRefuse<T>(table: Table<T, string>, id: string): Promise<T> {
  const found = await table.get(id);
  return found ?? refuse({ code: 'not-found' });
}

/** Inside `runWrite`: stores the changed record with a bumped envelope and its audit entry (only the changed fields are kept). */
export async function updateRecord<T extends RecordEnvelope>(
  db: QamqorDb,
  ctx: WriteContext,
  table: Table<T, string>,
  before: T,
  changes: Partial<NewRecord<T>>,
  action: AuditAction = 'update',
): Promise<T> {
  const after = touchEnvelope({ ...before, ...changes }, ctx.actor, ctx.now());
  await table.put(after);
  await appendAudit(db, ctx, { action, table: table.name, recordId: after.id, before, after });
  return after;
}
