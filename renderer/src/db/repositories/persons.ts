import { parseIin } from '@shared/iin';
import { personInput, personSearchWords, type Person, type PersonInput } from '@shared/persons';
import { createEnvelope, touchEnvelope, type NewRecord } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../context';
import type { QamqorDb } from '../database';
import { appendAudit } from './audit';

export type PersonWriteError =
  { code: 'invalid'; errors: FieldErrors } | { code: 'duplicate-iin'; existingId: string } | { code: 'not-found' };

function validate(input: PersonInput): Result<NewRecord<Person>, PersonWriteError> {
  const parsed = personInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const iin = parseIin(parsed.data.iin);
  // personInput already checked the IIN; this narrows the type for the derived fields.
  if (!iin.ok) return err({ code: 'invalid', errors: { iin: `validation.iin.${iin.error.code}` } });
  return ok({
    ...parsed.data,
    iin: iin.value.iin,
    birthDate: iin.value.birthDate,
    sex: iin.value.sex,
    searchWords: personSearchWords(parsed.data),
  });
}

export async function addPerson(db: QamqorDb, ctx: WriteContext, input: PersonInput): Promise<Result<Person, PersonWriteError>> {
  const data = validate(input);
  if (!data.ok) return data;
  return db.transaction('rw', db.persons, db.auditLog, async () => {
    const existing = await db.persons.where('iin').equals(data.value.iin).first();
    if (existing) return err({ code: 'duplicate-iin', existingId: existing.id } as const);
    const person: Person = { ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()), ...data.value };
    await db.persons.add(person);
    await appendAudit(db, ctx, { action: 'create', table: 'persons', recordId: person.id, after: person });
    return ok(person);
  });
}

export async function updatePerson(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: PersonInput,
): Promise<Result<Person, PersonWriteError>> {
  const data = validate(input);
  if (!data.ok) return data;
  return db.transaction('rw', db.persons, db.auditLog, async () => {
    const before = await db.persons.get(id);
    if (!before) return err({ code: 'not-found' } as const);
    const clash = await db.persons.where('iin').equals(data.value.iin).first();
    if (clash && clash.id !== id) return err({ code: 'duplicate-iin', existingId: clash.id } as const);
    const after: Person = touchEnvelope({ ...before, ...data.value }, ctx.actor, ctx.now());
    await db.persons.put(after);
    await appendAudit(db, ctx, { action: 'update', table: 'persons', recordId: id, before, after });
    return ok(after);
  });
}

export function getPerson(db: QamqorDb, id: string): Promise<Person | undefined> {
  return db.persons.get(id);
}

/**
 * Search by IIN prefix (digits) or by the beginnings of name words, in any order
 * ("сейт ә" finds "Сейтқали Әлия"). Uses the iin and searchWords indexes; only the first word scans
 * the index, the rest filter its hits.
 */
export async function searchPersons(db: QamqorDb, query: string, limit = 200): Promise<Person[]> {
  const q = query.trim().toLocaleLowerCase('kk');
  if (q === '') return db.persons.orderBy('lastName').limit(limit).toArray();
  if (/^\d+$/u.test(q)) return db.persons.where('iin').startsWith(q).limit(limit).toArray();
  const [first, ...rest] = q.split(/\s+/u);
  if (first === undefined) return [];
  return db.persons
    .where('searchWords')
    .startsWith(first)
    .distinct()
    .filter((p) => rest.every((w) => p.searchWords.some((s) => s.startsWith(w))))
    .limit(limit)
    .toArray();
}

export function countPersons(db: QamqorDb): Promise<number> {
  return db.persons.count();
}
