import { parseIin } from '@shared/iin';
import { personInput, personSearchWords, type Person, type PersonInput } from '@shared/persons';
import type { NewRecord } from '@shared/records/envelope';
import { localDateOf, type WriteContext } from '../context';
import type { QamqorDb } from '../database';
import {
  getOrRefuse,
  insertRecord,
  invalid,
  parseInput,
  refuse,
  runWrite,
  updateRecord,
  type WriteError,
  type WriteResult,
} from '../write';

/** Another person already has this IIN: the form links to them instead of making a second record. */
type DuplicateIin = { code: 'duplicate-iin'; existingId: string };
export type PersonWriteError = WriteError<DuplicateIin>;

/** Inside `runWrite`: the person's fields with those the IIN gives (birth date, sex), or leaves with `invalid`. */
function validate(input: PersonInput, today: string): NewRecord<Person> {
  const data = parseInput(personInput, input);
  // A birth date in the future or more than 130 years back is refused on entry (issue 18 point 9).
  const iin = parseIin(data.iin, today);
  // personInput already checked the IIN; this narrows the type for the derived fields.
  if (!iin.ok) return invalid('iin', `validation.iin.${iin.error.code}`);
  return { ...data, iin: iin.value.iin, birthDate: iin.value.birthDate, sex: iin.value.sex, searchWords: personSearchWords(data) };
}

/** Inside `runWrite`: leaves with `duplicate-iin` when a person other than `selfId` has the IIN. */
async function refuseDuplicateIin(db: QamqorDb, iin: string, selfId: string | null): Promise<void> {
  const clash = await db.persons.where('iin').equals(iin).first();
  if (clash && clash.id !== selfId) refuse<DuplicateIin>({ code: 'duplicate-iin', existingId: clash.id });
}

export function addPerson(db: QamqorDb, ctx: WriteContext, input: PersonInput): Promise<WriteResult<Person, DuplicateIin>> {
  return runWrite(db, [db.persons], async () => {
    const data = validate(input, localDateOf(ctx));
    await refuseDuplicateIin(db, data.iin, null);
    return insertRecord(db, ctx, db.persons, data);
  });
}

export function updatePerson(db: QamqorDb, ctx: WriteContext, id: string, input: PersonInput): Promise<WriteResult<Person, DuplicateIin>> {
  return runWrite(db, [db.persons], async () => {
    const data = validate(input, localDateOf(ctx));
    const before = await getOrRefuse(db.persons, id);
    await refuseDuplicateIin(db, data.iin, id);
    return updateRecord(db, ctx, db.persons, before, data);
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
