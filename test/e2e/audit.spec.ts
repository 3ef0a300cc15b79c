import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';

function shot(name: string): string {
  return process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name);
}

/**
 * Changes the auditLog store behind the app's back, with the raw IndexedDB API, as someone with access
 * to the browser profile could: `mode` 'edit' rewrites one field of the entry, 'delete' removes it.
 * Returns the seq of the entry touched (the first entry matching action and table).
 */
async function tamper(page: Page, action: string, table: string, mode: 'edit' | 'delete'): Promise<number> {
  return page.evaluate(
    ({ action, table, mode }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('qamqor');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('auditLog', 'readwrite');
          const store = tx.objectStore('auditLog');
          let touched = -1;
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            const row = c.value as { seq: number; action: string; table: string; after?: Record<string, unknown> };
            if (row.action === action && row.table === table) {
              touched = row.seq;
              if (mode === 'edit') c.update({ ...row, after: { ...row.after, address: 'Арал қ., ойдан шығарылған мекенжай' } });
              else c.delete();
              return;
            }
            c.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(touched);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { action, table, mode },
  );
}

async function registerAndEdit(page: Page): Promise<void> {
  await setUpOffice(page);
  await addPerson(page, PEOPLE.aliya);
  await page.getByRole('link', { name: 'Өзгерту' }).click();
  await page.locator('input[name=address]').fill('Арал қ., Бейбітшілік к-сі, 3');
  await page.locator('input[name=phone]').fill('+7 702 555 66 77');
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await expect(page.getByTestId('person-facts')).toContainText('Бейбітшілік к-сі, 3');
}

test.describe('audit trail', () => {
  test('a registered and edited person is in the trail with what changed; the chain verifies; an altered entry is found', async ({
    page,
  }) => {
    await registerAndEdit(page);

    await page.getByRole('link', { name: 'Аудит журналы' }).click();
    await expect(page.getByRole('heading', { name: 'Аудит журналы' })).toBeVisible();
    const trail = page.getByTestId('audit-trail');
    const personRows = trail.locator('tbody tr').filter({ hasText: 'Тұлғалар' });
    await expect(personRows).toHaveCount(2);
    // Newest first: the edit, then the registration, both by the officer of the profile.
    await expect(personRows.nth(0)).toContainText('Өзгерту');
    await expect(personRows.nth(0)).toContainText('Мекенжайы');
    await expect(personRows.nth(0)).toContainText('Телефон');
    await expect(personRows.nth(1)).toContainText('Құру');
    await expect(personRows.nth(1)).toContainText('Жанар Омарова');

    await page.getByRole('button', { name: 'Аудит журналын тексеру' }).click();
    const result = page.getByTestId('audit-verify-result');
    await expect(result).toContainText('Журнал тұтас.');
    await expect(result).not.toContainText('бұзылған');
    await page.screenshot({ path: shot('audit-trail.png'), fullPage: true });

    // The record's history reads from the trail: field, before, after.
    await personRows.nth(0).getByRole('link', { name: 'тарихы' }).click();
    const history = page.getByTestId('record-history');
    await expect(history.locator('article')).toHaveCount(2);
    const addressRow = history.locator('article').first().locator('tr', { hasText: 'Мекенжайы' });
    await expect(addressRow).toContainText(PEOPLE.aliya.address);
    await expect(addressRow).toContainText('Арал қ., Бейбітшілік к-сі, 3');
    await expect(history.locator('article').first().locator('tr', { hasText: 'Телефон' })).toContainText('+77025556677');
    // The registration is a snapshot: one value column, the person's fields in words.
    const created = history.locator('article').nth(1);
    await expect(created.locator('thead')).toContainText('Мәні');
    await expect(created.locator('tr', { hasText: 'Мүгедектік тобы' })).toContainText('II топ');
    await expect(created.locator('tr', { hasText: 'Жынысы' })).toContainText('әйел');
    // Envelope bookkeeping is hidden until asked for.
    await expect(history).not.toContainText('Нұсқа');
    await expect(history.locator('article').first()).toContainText('Жасырылған техникалық өрістер: 2');
    await page.screenshot({ path: shot('audit-history.png'), fullPage: true });
    await history.getByLabel('Техникалық өрістерді көрсету').check();
    await expect(history.locator('article').first()).toContainText('Нұсқа');
    // From the history to the person and back through the person's own page.
    await page.getByRole('link', { name: 'Жазбаны ашу' }).click();
    await expect(page.getByRole('heading', { name: 'Сейтқали Әлия Нұрланқызы' })).toBeVisible();

    const seq = await tamper(page, 'create', 'persons', 'edit');
    expect(seq).toBeGreaterThan(0);
    await page.goto('/#/audit');
    await page.getByRole('button', { name: 'Аудит журналын тексеру' }).click();
    await expect(result).toContainText('Журнал бұзылған.');
    await expect(result).toContainText(`№${seq} жазба өзгертілген: оның мазмұны дайджестіне сәйкес келмейді.`);
    await expect(result).not.toContainText('Журнал тұтас.');
    await page.screenshot({ path: shot('audit-verify-failed.png'), fullPage: true });

    // The same verdict in Russian, and the entry it names opens.
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Проверить журнал аудита' }).click();
    await expect(result).toContainText(`Запись № ${seq} изменена: её содержимое не совпадает с её дайджестом.`);
    await result.getByRole('link', { name: `Открыть запись № ${seq}` }).click();
    await expect(page.getByTestId('audit-entry')).toContainText('Создание');
    await expect(page.getByTestId('audit-entry-changes').locator('tr', { hasText: 'Адрес' })).toContainText('ойдан шығарылған мекенжай');
  });

  test('a removed entry is reported as removed, and the filters narrow the trail', async ({ page }) => {
    await registerAndEdit(page);
    await addPerson(page, PEOPLE.boris);
    await page.goto('/#/audit');
    await page.locator('select[name=action]').selectOption('update');
    await page.getByRole('button', { name: 'Көрсету' }).click();
    await expect(page).toHaveURL(/action=update/u);
    await expect(page.getByTestId('audit-trail').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('audit-trail')).toContainText('Өзгерту');
    await page.getByRole('link', { name: 'Сүзгіні тазалау' }).click();
    await expect(page.getByTestId('audit-trail').locator('tbody tr').filter({ hasText: 'Тұлғалар' })).toHaveCount(3);

    const seq = await tamper(page, 'update', 'persons', 'delete');
    await page.reload();
    await page.getByRole('button', { name: 'Аудит журналын тексеру' }).click();
    await expect(page.getByTestId('audit-verify-result')).toContainText(`№${seq} жазба жойылған (№${seq + 1} жазбаның алдында).`);
  });
});
