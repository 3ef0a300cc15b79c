/**
 * Issue 19 point 5: a full disk in the middle of a write. IndexedDB refuses a write with a
 * `QuotaExceededError` and aborts the whole transaction; the officer must see the clear kk message,
 * nothing may be half-written (no gap or duplicate in the register numbers, no orphan document),
 * what was saved earlier must still read, and the next write must succeed once space is back.
 *
 * How the disk "fills up": Chromium's DevTools `Storage.overrideQuotaForOrigin` was tried first. In
 * the Chromium this suite runs (156) the override is accepted and reported active by
 * `Storage.getUsageAndQuota` (quota 1000 bytes), yet IndexedDB still commits an 8 MB write under it,
 * so it cannot drive the test. Instead the page's own `IDBObjectStore.put/add` throw the browser's
 * `QuotaExceededError` (a DOMException, as IndexedDB raises it) from the first write to a chosen store
 * onwards, until space is "back": every write of every store fails from then on, as on a full disk,
 * while reads keep working.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeBundle, generateOfficeKeys } from '@shared/bundle';
import { bundleTables } from '@shared/bundle/specs';
import { shippedRuleSets } from '@shared/rules';
import kk from '../../renderer/src/i18n/kk.json' with { type: 'json' };
import { generateRegister } from '../support/generator';
import { openBundle, registerCaseAndComplaint, setUpOffice } from './helpers';
import { TEST_NOW, TEST_TODAY, testCalendar } from './seed';

const QUOTA_MESSAGE = kk.errors.quota;

/** From the first write to `store` on, every IndexedDB write of the page fails with QuotaExceededError. */
async function fillDiskAt(page: Page, store: string): Promise<void> {
  // The page and its workers (the bundle worker applies imports on its own connection).
  await page.evaluate(installFullDisk, store);
  for (const worker of page.workers()) await worker.evaluate(installFullDisk, store);
}

function installFullDisk(trigger: string): void {
  {
    interface FullDisk {
      trigger: string | null;
      full: boolean;
      refused: number;
    }
    const w = globalThis as unknown as { fullDisk?: FullDisk };
    if (!w.fullDisk) {
      const state: FullDisk = { trigger: null, full: false, refused: 0 };
      w.fullDisk = state;
      const proto = IDBObjectStore.prototype;
      for (const method of ['put', 'add'] as const) {
        const original = proto[method] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
        proto[method] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest<IDBValidKey> {
          if (state.trigger !== null && this.name === state.trigger) state.full = true;
          if (state.full) {
            state.refused += 1;
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return original.apply(this, args) as IDBRequest<IDBValidKey>;
        } as IDBObjectStore['put'];
      }
    }
    w.fullDisk.trigger = trigger;
    w.fullDisk.full = false;
    w.fullDisk.refused = 0;
  }
}

function spaceBack(): number {
  const state = (globalThis as unknown as { fullDisk?: { trigger: string | null; full: boolean; refused: number } }).fullDisk;
  if (!state) return 0;
  state.trigger = null;
  state.full = false;
  return state.refused;
}

function refusedSoFar(): number {
  return (globalThis as unknown as { fullDisk?: { refused: number } }).fullDisk?.refused ?? 0;
}

/** How many writes the page and its live workers refused so far (an ended worker takes its count with it). */
async function refusedWrites(page: Page): Promise<number> {
  let refused = await page.evaluate(refusedSoFar);
  for (const worker of page.workers()) refused += await worker.evaluate(refusedSoFar);
  return refused;
}

/** Space is back; returns how many writes were refused while the disk was full. */
async function freeDisk(page: Page): Promise<number> {
  let refused = await page.evaluate(spaceBack);
  for (const worker of page.workers()) refused += await worker.evaluate(spaceBack);
  return refused;
}

interface Stored {
  complaints: { id: string; number: string; attachmentIds: string[] }[];
  documents: { id: string; ownerId: string }[];
  counters: { key: string; last: number }[];
  persons: number;
  imports: number;
  audit: number;
}

/** The rows that matter, read straight from the app's IndexedDB. */
async function readStored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('qamqor');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
    });
    const all = async <T>(store: string): Promise<T[]> =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
      });
    const count = async (store: string): Promise<number> =>
      new Promise<number>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
      });
    const out = {
      complaints: (await all<{ id: string; number: string; attachmentIds: string[] }>('complaints'))
        .map((c) => ({ id: c.id, number: c.number, attachmentIds: c.attachmentIds }))
        .sort((a, b) => a.number.localeCompare(b.number)),
      documents: (await all<{ id: string; ownerId: string }>('documents')).map((d) => ({ id: d.id, ownerId: d.ownerId })),
      counters: await all<{ key: string; last: number }>('counters'),
      persons: await count('persons'),
      imports: await count('importHistory'),
      audit: await count('auditLog'),
    };
    db.close();
    return out;
  });
}

/** Every document belongs to a stored record that lists it, and every listed attachment is stored. */
function expectNoOrphans(s: Stored): void {
  const owners = new Map(s.complaints.map((c) => [c.id, c]));
  for (const d of s.documents) expect(owners.get(d.ownerId)?.attachmentIds ?? []).toContain(d.id);
  const docIds = new Set(s.documents.map((d) => d.id));
  for (const c of s.complaints) for (const id of c.attachmentIds) expect(docIds.has(id)).toBe(true);
}

/** The complaint form filled as registerCaseAndComplaint fills it, with a scan attached. */
async function fillComplaintWithScan(page: Page, text: string): Promise<void> {
  await page.goto('/#/complaints/new');
  await page.locator('input[name=receiptDate]').fill('2026-11-20');
  await page.locator('input[name=registrationDate]').fill('2026-11-20');
  await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
  await page.getByRole('button', { name: 'Таңдау' }).click();
  await expect(page.getByTestId('complainant-selected')).toContainText('921103405676');
  await page.locator('select[name=caseId]').selectOption({ index: 1 });
  await page.locator('select[name=serviceId]').selectOption('personal-assistant');
  await page.locator('select[name=contested]').selectOption('inaction');
  await page.locator('textarea[name=text]').fill(text);
  await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
  await page.locator('input[name=attachments]').setInputFiles({
    name: 'scan-2.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% second scan\n'.repeat(80)),
  });
}

test.describe('a full disk', () => {
  test('in the middle of registering a complaint with a scan: the clear message, nothing half-written, the number taken once space is back', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'ARAL01');
    await registerCaseAndComplaint(page, 'ARAL01', { scan: true });
    const before = await readStored(page);
    expect(before.complaints.map((c) => c.number)).toEqual(['ARAL01-2026-00001']);
    expect(before.documents).toHaveLength(1);

    await fillComplaintWithScan(page, 'Жеке көмекші қараша айында да келмеді, екінші шағым.');
    // The disk fills up as the complaint row itself is written: its number and its scan are already
    // written in the same transaction.
    await fillDiskAt(page, 'complaints');
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.getByText(QUOTA_MESSAGE)).toBeVisible();
    await expect(page.getByText(/Шағым тіркелді/u)).toHaveCount(0);

    const during = await readStored(page);
    expect(during.complaints).toEqual(before.complaints);
    expect(during.documents).toEqual(before.documents);
    expect(during.counters).toEqual(before.counters);
    expect(during.audit).toBe(before.audit);
    expectNoOrphans(during);

    // Reading still works while the disk is full: the register lists the old row. The form still holds
    // what was typed, so leaving asks first; the officer leaves.
    page.once('dialog', (d) => void d.accept());
    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 1');
    await expect(page.getByTestId('register-table')).toContainText('ARAL01-2026-00001');

    // Space is back: the same registration takes the next number, with no gap.
    expect(await freeDisk(page)).toBeGreaterThan(0);
    await fillComplaintWithScan(page, 'Жеке көмекші қараша айында да келмеді, екінші шағым.');
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00002')).toBeVisible();
    const after = await readStored(page);
    expect(after.complaints.map((c) => c.number)).toEqual(['ARAL01-2026-00001', 'ARAL01-2026-00002']);
    expect(after.documents).toHaveLength(2);
    expect(after.counters.find((c) => c.key === 'complaint:ARAL01:2026')?.last).toBe(2);
    expectNoOrphans(after);
    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 2');
  });

  test('in the middle of importing a bundle: the clear message, nothing written, the import done once space is back', async ({
    page,
  }, info) => {
    test.setTimeout(180_000);
    const sender = { id: '0a0a0a0a-2222-4222-8222-000000000002', code: 'ARAL01', name: 'Арал ауданы бөлімі' };
    const register = generateRegister(
      5,
      { persons: 12, complaints: 20 },
      {
        office: { officeId: sender.id, officeCode: sender.code, officerName: 'Жанар Омарова' },
        ruleSets: shippedRuleSets,
        calendar: testCalendar,
        today: TEST_TODAY,
        spreadDays: 60,
      },
    );
    const encoded = await encodeBundle(
      {
        bundleId: '7f000000-0000-4000-8000-0000000d15c0',
        createdAt: '2026-11-20T09:00:00.000Z',
        office: sender,
        officer: 'Жанар Омарова',
        appVersion: '0.1.0',
        tables: { persons: register.persons, complaints: register.complaints },
        attachments: [],
      },
      { signingKey: await generateOfficeKeys(), tables: bundleTables },
    );
    if (!encoded.ok) throw new Error('could not build the test bundle');
    const file = info.outputPath('full-disk.qamqor');
    writeFileSync(file, encoded.value);

    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'KZL02');
    await registerCaseAndComplaint(page, 'KZL02', { scan: true });
    const before = await readStored(page);

    await openBundle(page, file);
    const apply = page.getByRole('button', { name: 'Қабылдау', exact: true });
    await expect(apply).toBeVisible({ timeout: 60_000 });
    // The disk fills up after every record was put, as the import's history row is written.
    await fillDiskAt(page, 'importHistory');
    await apply.click();
    await expect(page.getByText(QUOTA_MESSAGE)).toBeVisible();
    await expect(page.getByTestId('bundle-report')).toHaveCount(0);
    // The refusal happened in the import's worker, which ends when the officer leaves the page.
    expect(await refusedWrites(page)).toBeGreaterThan(0);

    const during = await readStored(page);
    expect(during).toEqual(before);
    expectNoOrphans(during);

    // Reading still works: the register, the people and the (empty) import history.
    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 1');
    await expect(page.getByTestId('register-table')).toContainText('KZL02-2026-00001');
    await page.goto('/#/bundles/history');
    await expect(page.getByText('Әлі бірде-бір пакет импортталған жоқ.')).toBeVisible();

    // Space is back: the same file imports in full (in a fresh worker), and the office's own numbering goes on with no gap.
    await freeDisk(page);
    await openBundle(page, file);
    await page.getByRole('button', { name: 'Қабылдау', exact: true }).click({ timeout: 60_000 });
    await expect(page.getByTestId('bundle-report')).toContainText('пакеті қабылданды');
    const after = await readStored(page);
    expect(after.imports).toBe(1);
    expect(after.persons).toBe(before.persons + register.persons.length);
    expect(after.complaints).toHaveLength(before.complaints.length + register.complaints.length);
    expect(new Set(after.complaints.map((c) => c.number)).size).toBe(after.complaints.length);
    expect(after.counters).toEqual(before.counters);
    expectNoOrphans(after);
    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${1 + register.complaints.length}`);
  });
});
