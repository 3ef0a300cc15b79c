/**
 * Two offices in two fake-indexeddb databases, a realistic caseload in office A (generated with the
 * domain functions, shared/generator) plus attachments and a wheelchair order, and a dump of every
 * table (Blobs as bytes) to prove that something was, or was not, written.
 */
import kz2025 from '../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { OFFICE_TABLES } from '@shared/backup/officeTables';
import { decodeBundle, generateOfficeKeys, type DecodedBundle, type KnownOffice } from '@shared/bundle';
import { sha256Hex } from '@shared/bundle/bytes';
import { noise } from '../../support/bundle/fixtures';
import { BUNDLE_TABLES, bundleTables, type StoredDocument } from '@shared/bundle/specs';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { caseloadCounters, caseloadTables, generateCaseload, type GeneratedCaseload } from '../../support/generator';
import type { OfficeProfile } from '@shared/office';
import { createEnvelope } from '@shared/records/envelope';
import { issueLines } from '@shared/records/schemas';
import { shippedRuleSets } from '@shared/rules';
import type { WheelchairOrder } from '@shared/wheelchair';
import type { WriteContext } from '../../../renderer/src/db/context';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { flushAuditSigning } from '../../../renderer/src/db/repositories/audit';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { saveOfficeKeys, saveOfficeProfile } from '../../../renderer/src/db/repositories/settings';
import { freshDb, OFFICE, testContext } from '../db/testContext';

export const YEARS = [kz2025, kz2026].map((y) => calendarYearSchema.parse(y));
const calendar = createWorkingCalendar(YEARS);

export const OFFICE_A: OfficeProfile = OFFICE;
export const OFFICE_B: OfficeProfile = {
  ...OFFICE,
  officeId: '7b2d4e6f-0000-4000-8000-000000000002',
  district: 'Қазалы ауданы',
  officeCode: 'KZL02',
  officeName: 'Қазалы ауданының әлеуметтік бағдарламалар бөлімі',
  officerName: 'Бекзат Ахметов',
};

export interface Office {
  db: QamqorDb;
  ctx: WriteContext;
  profile: OfficeProfile;
}

export async function openOffice(profile: OfficeProfile): Promise<Office> {
  const db = freshDb();
  await seedReferenceData(db, YEARS);
  await saveOfficeProfile(db, profile);
  await saveOfficeKeys(db, await generateOfficeKeys());
  return { db, ctx: testContext(profile.officerName, profile.officeId), profile };
}

export interface Caseload extends GeneratedCaseload {
  documents: StoredDocument[];
  wheelchairOrders: WheelchairOrder[];
  /** The case with the most records around it. */
  richCaseId: string;
  files: Uint8Array[];
}

function valid(table: string, record: unknown): void {
  const spec = BUNDLE_TABLES.find((t) => t.name === table);
  const checked = spec?.schema.safeParse(record);
  if (!checked?.success) throw new Error(`fixture ${table}: ${checked ? issueLines(checked.error).join('; ') : 'no schema'}`);
}

/** Writes a generated caseload into the office's database, as the app would have left it. */
export async function seedCaseload(office: Office, seed = 7): Promise<Caseload> {
  const { db, profile } = office;
  const data = generateCaseload(
    seed,
    { persons: 6, cases: 8, complaints: 10 },
    {
      office: { officeId: profile.officeId, officeCode: profile.officeCode, officerName: profile.officerName },
      ruleSets: shippedRuleSets,
      calendar,
      today: '2026-11-20',
      spreadDays: 200,
    },
  );
  const related = (caseId: string) =>
    data.applications.filter((a) => a.caseId === caseId).length +
    data.intakes.filter((i) => i.caseId === caseId).length +
    data.wheelchairChecks.filter((w) => w.caseId === caseId).length +
    data.complaints.filter((c) => c.caseId === caseId).length;
  const richCaseId = [...data.cases].sort((a, b) => related(b.id) - related(a.id))[0]?.id ?? '';
  const rich = data.cases.find((c) => c.id === richCaseId);
  if (!rich) throw new Error('no case');

  const actor = { officerName: profile.officerName, officeId: profile.officeId };
  // Files: a scan shared by two records (stored once in the bundle), a letter, a photo.
  const scan = noise(120_000, 3);
  const letter = new TextEncoder().encode('Өтініш. Менің балама кресло-арба қажет. '.repeat(400));
  const photo = noise(900, 5);
  const files = [scan, letter, photo];
  const owners = [
    ...data.complaints.filter((c) => c.personId === rich.personId).map((c) => ({ id: c.id, caseId: c.caseId })),
    ...data.intakes.filter((i) => i.caseId === rich.id).map((i) => ({ id: i.id, caseId: i.caseId })),
    { id: rich.id, caseId: rich.id },
  ];
  const documents: StoredDocument[] = [];
  let n = 0;
  for (const [i, owner] of owners.entries()) {
    const bytes = files[i % files.length] ?? scan;
    for (const copy of i === 0 ? [0, 1] : [0]) {
      n += 1;
      const doc: StoredDocument = {
        ...createEnvelope(`d0c00000-0000-4000-8000-${String(seed * 1000 + n).padStart(12, '0')}`, actor, '2026-10-01T09:00:00.000Z'),
        ownerId: owner.id,
        caseId: owner.caseId,
        digest: await sha256Hex(bytes),
        fileName: copy === 0 ? `file-${n}.pdf` : `copy-of-file-${n}.pdf`,
        mimeType: 'application/pdf',
        size: bytes.byteLength,
        blob: new Blob([bytes], { type: 'application/pdf' }),
      };
      documents.push(doc);
    }
  }
  for (const d of documents) {
    const { blob: _b, ...meta } = d;
    valid('documents', meta);
  }

  const wheelchairOrders: WheelchairOrder[] = [];
  const check = data.wheelchairChecks.find((c) => c.programmeId !== null);
  if (check && check.programmeId) {
    const order: WheelchairOrder = {
      ...createEnvelope(`0d0e0000-0000-4000-8000-${String(seed).padStart(12, '0')}`, actor, '2026-10-02T09:00:00.000Z'),
      caseId: check.caseId,
      personId: check.personId,
      programmeId: check.programmeId,
      checkId: check.id,
      wheelchairType: check.result.types[0]?.typeId ?? 'hand-basic-indoor-outdoor',
      orderDate: '2026-10-02',
      supplier: 'ЖШС «Медтехника»',
      receiptMode: 'delivery',
      ruleSetId: check.ruleSetId,
      responseDue: '2026-10-09',
      supplierResponse: null,
      handOverDate: null,
      events: [],
      returnedOn: null,
    };
    valid('wheelchairOrders', order);
    wheelchairOrders.push(order);
  }

  const tables = caseloadTables(data);
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await db.table(table).bulkAdd([...rows]);
    await db.table('documents').bulkAdd(documents);
    await db.table('wheelchairOrders').bulkAdd(wheelchairOrders);
    await db.counters.bulkPut(caseloadCounters(data, profile.officeCode));
  });
  return { ...data, documents, wheelchairOrders, richCaseId, files };
}

/** Every table of the database, rows in key order, Blobs read as bytes: equal dumps = nothing written. */
export async function dumpDb(db: QamqorDb): Promise<Record<string, unknown[]>> {
  // The audit chain's signed checkpoint is written to settings just after an append: wait for it.
  await flushAuditSigning(db);
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows: unknown[] = [];
    for (const row of await table.toArray()) {
      const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
      for (const [k, v] of Object.entries(copy))
        if (v instanceof Blob) copy[k] = { blobType: v.type, bytes: new Uint8Array(await v.arrayBuffer()) };
      rows.push(copy);
    }
    out[table.name] = rows;
  }
  return out;
}

export async function decodeFor(receiver: Office, bytes: Uint8Array, options: { passphrase?: string; knownOffices?: KnownOffice[] } = {}) {
  return decodeBundle(bytes, {
    tables: bundleTables,
    officeTables: OFFICE_TABLES,
    knownOffices: options.knownOffices ?? [],
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
}

export function mustDecode(result: Awaited<ReturnType<typeof decodeFor>>): DecodedBundle {
  if (!result.ok) throw new Error(`decode: ${result.error.code} ${result.error.detail ?? ''}`);
  return result.value;
}
