import { describe, expect, it } from 'vitest';
import type { RecordEnvelope, VersionVector } from '@shared/records/envelope';
import { edited, makeCase, makeIin, makePerson, OFFICE_A, OFFICE_B, uuid } from '../../../../support/bundle/fixtures';
import {
  applyOperations,
  localKeysNeeded,
  planImport,
  recordKey,
  type LocalSnapshot,
  type PersonAlias,
} from '@shared/bundle/specs/importPlan';

function snapshot(
  locals: Record<string, RecordEnvelope[]> = {},
  extra: {
    queued?: Record<string, VersionVector[]>;
    aliases?: Record<string, PersonAlias>;
    unique?: Record<string, Record<string, Record<string, string>>>;
  } = {},
): LocalSnapshot {
  const records = new Map(Object.entries(locals).map(([t, rs]) => [t, new Map(rs.map((r) => [r.id, r]))]));
  const personsByIin = new Map((locals['persons'] ?? []).map((p) => [(p as unknown as { iin: string }).iin, p]));
  const uniqueOwners = new Map(
    Object.entries(extra.unique ?? {}).map(([t, f]) => [t, new Map(Object.entries(f).map(([k, v]) => [k, new Map(Object.entries(v))]))]),
  );
  return {
    records,
    personsByIin,
    uniqueOwners,
    queued: new Map(Object.entries(extra.queued ?? {})),
    aliases: new Map(Object.entries(extra.aliases ?? {})),
  };
}

const noFiles = new Map<string, { length: number }>();

describe('planImport', () => {
  const person = makePerson(1, makeIin('921103', 4));
  const kase = makeCase(1, person.id);

  it('says what the receiver needs to look up', () => {
    const keys = localKeysNeeded({ persons: [person], cases: [kase] });
    expect([...(keys.ids.get('persons') ?? [])]).toEqual([person.id]);
    expect([...(keys.ids.get('cases') ?? [])]).toEqual([kase.id]);
    expect([...keys.iins]).toEqual([person.iin]);
    expect([...(keys.unique.get('cases')?.get('caseNumber') ?? [])]).toEqual([kase.caseNumber]);
    expect([...keys.recordKeys]).toEqual([recordKey('persons', person.id), recordKey('cases', kase.id)]);
  });

  it('new, update, unchanged, local-newer and conflict by version vector', () => {
    const newer = edited(kase, OFFICE_A.id, { subject: 'Жаңа мазмұн' });
    const localNewer = edited(person, OFFICE_B.id, { phone: '+77010000000' });
    const other = makeCase(2, person.id);
    const concurrentLocal = edited(other, OFFICE_B.id, { status: 'closed' });
    const concurrentIncoming = edited(other, OFFICE_A.id, { subject: 'Басқа' });
    const third = makeCase(3, person.id);
    const plan = planImport(
      { tables: { persons: [person], cases: [newer, concurrentIncoming, third] }, attachments: noFiles, rejected: [] },
      snapshot(
        { persons: [localNewer], cases: [kase, concurrentLocal] },
        { unique: { cases: { caseNumber: { [kase.caseNumber]: kase.id, [other.caseNumber]: other.id } } } },
      ),
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.items.map((i) => [i.table, i.category])).toEqual([
      ['persons', 'local-newer'],
      ['cases', 'update'],
      ['cases', 'conflict'],
      ['cases', 'new'],
    ]);
    expect(plan.canApply).toBe(true);
    const ops = applyOperations(plan, snapshot({ persons: [localNewer], cases: [kase, concurrentLocal] }));
    expect(ops.puts.map((p) => p.record.id)).toEqual([newer.id, third.id]);
    expect(ops.conflicts.map((c) => c.recordId)).toEqual([other.id]);
    expect(ops.expectations).toEqual([
      { table: 'cases', id: kase.id, version: kase.version },
      { table: 'cases', id: other.id, version: concurrentLocal.version },
      { table: 'cases', id: third.id, version: null },
    ]);
  });

  it('a conflict whose incoming version already waits in the queue is "queued": nothing to change', () => {
    const local = edited(kase, OFFICE_B.id, { status: 'closed' });
    const incoming = edited(kase, OFFICE_A.id, { subject: 'Басқа' });
    const plan = planImport(
      { tables: { cases: [incoming] }, attachments: noFiles, rejected: [] },
      snapshot({ cases: [local], persons: [person] }, { queued: { [recordKey('cases', kase.id)]: [incoming.version] } }),
    );
    expect(plan.items[0]?.category).toBe('queued');
    expect(plan.changesNothing).toBe(true);
    expect(plan.canApply).toBe(false);
    // An even newer incoming edit is a new conflict.
    const newer = edited(incoming, OFFICE_A.id, { subject: 'Тағы басқа' });
    const again = planImport(
      { tables: { cases: [newer] }, attachments: noFiles, rejected: [] },
      snapshot({ cases: [local], persons: [person] }, { queued: { [recordKey('cases', kase.id)]: [incoming.version] } }),
    );
    expect(again.items[0]?.category).toBe('conflict');
  });

  it('a person with a local IIN under another id is merged, records re-pointed; an earlier merge of the same copy is "merged-before"', () => {
    const localPerson = makePerson(9, person.iin, { address: 'Қазалы қ., 1' }, OFFICE_B.id);
    const plan = planImport(
      { tables: { persons: [person], cases: [kase] }, attachments: noFiles, rejected: [] },
      snapshot({ persons: [localPerson] }),
    );
    expect(plan.items[0]).toMatchObject({ category: 'identity-match', match: { id: localPerson.id, source: 'local' }, wouldBe: 'new' });
    expect(plan.items[1]).toMatchObject({ category: 'new', incoming: { personId: localPerson.id } });
    expect(plan.personRedirects).toEqual({ [person.id]: localPerson.id });
    const ops = applyOperations(plan, snapshot({ persons: [localPerson] }));
    expect(ops.conflicts).toEqual([
      { table: 'persons', recordId: localPerson.id, incoming: { ...person, id: localPerson.id }, aliasOf: person.id },
    ]);
    expect(ops.aliases).toEqual([{ incomingId: person.id, alias: { localId: localPerson.id, version: person.version } }]);
    expect(ops.expectations[0]).toEqual({ table: 'persons', id: localPerson.id, version: localPerson.version });

    const later = planImport(
      { tables: { persons: [person], cases: [kase] }, attachments: noFiles, rejected: [] },
      snapshot(
        { persons: [localPerson], cases: [{ ...kase, personId: localPerson.id } as RecordEnvelope] },
        { aliases: { [person.id]: { localId: localPerson.id, version: person.version } } },
      ),
    );
    expect(later.items.map((i) => i.category)).toEqual(['merged-before', 'unchanged']);
    expect(later.changesNothing).toBe(true);
  });

  it('the same IIN twice in one bundle: the second person merges into the first', () => {
    const twin = { ...person, id: uuid(2, '11111111') };
    const plan = planImport(
      { tables: { persons: [person, twin], cases: [makeCase(5, twin.id)] }, attachments: noFiles, rejected: [] },
      snapshot(),
    );
    expect(plan.items.map((i) => i.category)).toEqual(['new', 'identity-match', 'new']);
    expect(plan.items[1]?.match).toEqual({ id: person.id, source: 'bundle' });
    expect(plan.items[2]?.incoming).toMatchObject({ personId: person.id });
    // Same data: nothing to decide. Other data: the officer decides, against the first copy.
    expect(applyOperations(plan, snapshot()).conflicts).toHaveLength(0);
    const other = { ...twin, address: 'Қазалы қ., 2' };
    const plan2 = planImport({ tables: { persons: [person, other] }, attachments: noFiles, rejected: [] }, snapshot());
    expect(applyOperations(plan2, snapshot()).conflicts).toEqual([
      { table: 'persons', recordId: person.id, incoming: { ...other, id: person.id }, aliasOf: twin.id },
    ]);
  });

  it('rejects a taken number, a document without its file or with another size, and references nobody has (with their dependants)', () => {
    const taken = planImport(
      { tables: { persons: [person], cases: [kase] }, attachments: noFiles, rejected: [] },
      snapshot({}, { unique: { cases: { caseNumber: { [kase.caseNumber]: uuid(77) } } } }),
    );
    expect(taken.rejected).toEqual([{ table: 'cases', index: 0, id: kase.id, errors: ['caseNumber: bundles.reasons.numberTaken'] }]);
    expect(taken.canApply).toBe(false);

    const doc = {
      ...makeCase(9, person.id),
      id: uuid(50),
      ownerId: kase.id,
      caseId: kase.id,
      digest: 'b'.repeat(64),
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      size: 3,
    };
    const missing = planImport(
      { tables: { persons: [person], cases: [kase], documents: [doc] }, attachments: noFiles, rejected: [] },
      snapshot(),
    );
    expect(missing.rejected.map((r) => r.errors)).toEqual([['digest: bundles.reasons.missingAttachment']]);
    const resized = planImport(
      {
        tables: { persons: [person], cases: [kase], documents: [doc] },
        attachments: new Map([['b'.repeat(64), { length: 4 }]]),
        rejected: [],
      },
      snapshot(),
    );
    expect(resized.rejected.map((r) => r.errors)).toEqual([['size: bundles.reasons.sizeMismatch']]);

    // The person was rejected by the codec (index 0): the case is orphaned, and so is the document on the case.
    const orphans = planImport(
      {
        tables: { persons: [], cases: [kase], documents: [doc] },
        attachments: new Map([['b'.repeat(64), { length: 3 }]]),
        rejected: [{ table: 'persons', index: 0, id: person.id, errors: ['iin: validation.iin.checksum'] }],
      },
      snapshot(),
    );
    expect(orphans.rejected.map((r) => [r.table, r.errors])).toEqual([
      ['persons', ['iin: validation.iin.checksum']],
      ['cases', ['personId: bundles.reasons.missingReference']],
      ['documents', ['caseId: bundles.reasons.missingReference', 'ownerId: bundles.reasons.missingReference']],
    ]);
    expect(orphans.items).toEqual([]);
    // A parent the receiver already has is enough.
    const present = planImport({ tables: { cases: [kase] }, attachments: noFiles, rejected: [] }, snapshot({ persons: [person] }));
    expect(present.rejected).toEqual([]);
  });

  it('keeps the positions of records in the bundle when the codec removed some', () => {
    const bad = makeCase(2, person.id);
    const plan = planImport(
      { tables: { persons: [person], cases: [kase, bad] }, attachments: noFiles, rejected: [{ table: 'cases', index: 0, errors: ['x'] }] },
      snapshot({}, { unique: { cases: { caseNumber: { [bad.caseNumber]: uuid(99) } } } }),
    );
    expect(plan.rejected.find((r) => r.id === bad.id)?.index).toBe(2);
  });
});
