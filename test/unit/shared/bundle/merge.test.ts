import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, type EncodeBundleInput } from '@shared/bundle/codec';
import { generateOfficeKeys, type OfficeKeys } from '@shared/bundle/crypto';
import { planMerge, type LocalLookup, type MergePlan } from '@shared/bundle/merge';
import {
  edited,
  makeIin,
  makePerson,
  OFFICE_A,
  OFFICE_B,
  scenario,
  testTables,
  uuid,
  type Scenario,
} from '../../../support/bundle/fixtures';
import type { RecordEnvelope } from '@shared/records/envelope';
import { compareVersions } from '@shared/records/envelope';

/** An office's database in memory, with the lookups planMerge needs and a naive "apply". */
class Office {
  readonly tables = new Map<string, Map<string, RecordEnvelope>>();

  constructor(readonly id: string) {}

  put(table: string, record: RecordEnvelope): void {
    let t = this.tables.get(table);
    if (!t) {
      t = new Map();
      this.tables.set(table, t);
    }
    t.set(record.id, record);
  }

  all(table: string): RecordEnvelope[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  lookup(): LocalLookup {
    return {
      get: (table, id) => this.tables.get(table)?.get(id),
      findPersonByIin: (iin) => this.all('persons').find((p) => (p as RecordEnvelope & { iin: string }).iin === iin),
    };
  }

  /** What the lead's Dexie step will do for the automatic categories: add new, replace older. */
  apply(plan: MergePlan): void {
    for (const item of plan.items) if (item.category === 'new' || item.category === 'update') this.put(item.table, item.incoming);
  }
}

let keys: OfficeKeys;
let s: Scenario;

async function send(tables: EncodeBundleInput['tables'], bundleId = s.input.bundleId): Promise<Uint8Array> {
  const r = await encodeBundle({ ...s.input, bundleId, tables }, { signingKey: keys, tables: testTables });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

async function receive(office: Office, bytes: Uint8Array): Promise<MergePlan> {
  const r = await decodeBundle(bytes, { tables: testTables });
  if (!r.ok) throw new Error(r.error.code);
  return planMerge(r.value.tables, office.lookup());
}

function categoryOf(plan: MergePlan, id: string): string | undefined {
  return plan.items.find((i) => i.id === id)?.category;
}

beforeAll(async () => {
  keys = await generateOfficeKeys();
  s = await scenario();
});

describe('merge plan', () => {
  it('first import into an empty office: everything new; a second import of the same bundle: everything unchanged', async () => {
    const bundle = await send(s.input.tables);
    const b = new Office(OFFICE_B.id);
    const first = await receive(b, bundle);
    expect(first.counts).toEqual({ new: 11, update: 0, unchanged: 0, 'local-newer': 0, conflict: 0, 'identity-match': 0 });
    expect(first.countsByTable['persons']?.new).toBe(3);
    expect(first.changesNothing).toBe(false);
    b.apply(first);

    const again = await receive(b, bundle);
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 11, 'local-newer': 0, conflict: 0, 'identity-match': 0 });
    expect(again.changesNothing).toBe(true);
  });

  it('a re-import after the receiving office edited a record: that record is local-newer, nothing changes', async () => {
    const bundle = await send(s.input.tables);
    const b = new Office(OFFICE_B.id);
    b.apply(await receive(b, bundle));
    const p1 = s.persons[0];
    if (!p1) throw new Error('fixture');
    b.put('persons', edited(p1, OFFICE_B.id, { phone: '+77770001122' }));
    const again = await receive(b, bundle);
    expect(categoryOf(again, p1.id)).toBe('local-newer');
    expect(again.counts.unchanged).toBe(10);
    expect(again.changesNothing).toBe(true);
  });

  it('an edit made only in the sending office arrives as an update', async () => {
    const b = new Office(OFFICE_B.id);
    b.apply(await receive(b, await send(s.input.tables)));
    const c1 = s.cases[0];
    if (!c1) throw new Error('fixture');
    const closed = edited(c1, OFFICE_A.id, { status: 'closed' as const });
    const plan = await receive(b, await send({ ...s.input.tables, cases: [closed, ...s.cases.slice(1)] }, uuid(2, '44444444')));
    const item = plan.items.find((i) => i.id === c1.id);
    expect(item).toMatchObject({ category: 'update', incoming: closed, local: c1 });
    expect(plan.counts.update).toBe(1);
  });

  it('edits made in both offices since they shared the record are a conflict, with both versions', async () => {
    const b = new Office(OFFICE_B.id);
    b.apply(await receive(b, await send(s.input.tables)));
    const p1 = s.persons[0];
    if (!p1) throw new Error('fixture');
    const inA = edited(p1, OFFICE_A.id, { address: 'Арал қ., Бейбітшілік к-сі, 3' });
    const inB = edited(p1, OFFICE_B.id, { phone: '+77770001122' });
    b.put('persons', inB);
    expect(compareVersions(inA.version, inB.version)).toBe('concurrent');
    const plan = await receive(b, await send({ ...s.input.tables, persons: [inA, ...s.persons.slice(1)] }, uuid(3, '44444444')));
    const item = plan.items.find((i) => i.id === p1.id);
    expect(item).toMatchObject({ category: 'conflict', incoming: inA, local: inB });
    expect(plan.counts.conflict).toBe(1);
    expect(plan.changesNothing).toBe(false);
    // Nothing was overwritten by planning.
    expect(b.lookup().get('persons', p1.id)).toBe(inB);
  });

  it('a person already registered locally under another id is an identity match, never a new person', async () => {
    const b = new Office(OFFICE_B.id);
    const p1 = s.persons[0];
    if (!p1) throw new Error('fixture');
    const own = makePerson(50, p1.iin, { address: 'Қазалы, Жанқожа батыр к-сі, 7' }, OFFICE_B.id);
    b.put('persons', own);
    const plan = await receive(b, await send(s.input.tables));
    const item = plan.items.find((i) => i.id === p1.id);
    expect(item).toMatchObject({ category: 'identity-match', match: { id: own.id, source: 'local' }, wouldBe: 'new' });
    expect(plan.identityMatches).toEqual({ [p1.id]: own.id });
    expect(plan.counts).toMatchObject({ new: 10, 'identity-match': 1 });
  });

  it('two persons with the same IIN inside one bundle: the second is an identity match with the first', () => {
    const iin = makeIin('811231', 3);
    const first = makePerson(60, iin);
    const second = makePerson(61, iin);
    const plan = planMerge({ persons: [first, second] }, new Office(OFFICE_B.id).lookup());
    expect(plan.items.map((i) => i.category)).toEqual(['new', 'identity-match']);
    expect(plan.items[1]).toMatchObject({ match: { id: first.id, source: 'bundle' } });
  });

  it('the same person known under the same id is matched by id, not flagged by IIN', async () => {
    const b = new Office(OFFICE_B.id);
    b.apply(await receive(b, await send(s.input.tables)));
    const plan = await receive(b, await send(s.input.tables));
    expect(plan.counts['identity-match']).toBe(0);
  });
});
