import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';

/**
 * Issue 19: the four ways to rewrite the trail behind the app's back, each done with the raw IndexedDB
 * API and WebCrypto as someone with the browser profile (but not the office key) could; "verify" names
 * the first entry that cannot be trusted.
 */
type Mode = 'forge-tail' | 'rechain' | 'truncate' | 'strip';

async function tamper(page: Page, mode: Mode): Promise<{ seq: number; last: number }> {
  return page.evaluate(async (mode) => {
    type Row = Record<string, unknown> & { seq: number; digest?: string; prevDigest?: string };
    const canon = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(canon).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v);
    const digestOf = async (row: Row): Promise<string> => {
      const { digest: _d, ...content } = row;
      const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canon(content))));
      return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qamqor');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const rows = await new Promise<Row[]>((resolve, reject) => {
      const req = db.transaction('auditLog').objectStore('auditLog').getAll();
      req.onsuccess = () => resolve(req.result as Row[]);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const last = rows[rows.length - 1] as Row;
    const writes: Row[] = [];
    const deletes: number[] = [];
    let seq = last.seq;
    if (mode === 'forge-tail') {
      const forged: Row = { ...last, seq: last.seq + 1, action: 'print', recordId: 'forged', prevDigest: last.digest };
      writes.push({ ...forged, digest: await digestOf(forged) });
      seq = last.seq + 1;
    } else if (mode === 'rechain') {
      // The second entry changes; every digest after it is recomputed.
      let prev = rows[0] as Row;
      for (const r of rows.slice(1)) {
        const changed: Row = { ...r, ...(r.seq === (rows[1] as Row).seq ? { officer: 'Басқа адам' } : {}), prevDigest: prev.digest };
        const sealed = { ...changed, digest: await digestOf(changed) };
        writes.push(sealed);
        prev = sealed;
      }
      seq = (rows[1] as Row).seq;
    } else if (mode === 'truncate') {
      deletes.push(last.seq);
    } else {
      for (const r of rows) {
        const { digest: _d, prevDigest: _p, ...rest } = r;
        writes.push(rest);
      }
      seq = (rows[0] as Row).seq;
    }
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('auditLog', 'readwrite');
      const store = tx.objectStore('auditLog');
      for (const w of writes) store.put(w);
      for (const d of deletes) store.delete(d);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
    return { seq, last: last.seq };
  }, mode);
}

async function verify(page: Page) {
  await page.goto('/#/audit');
  await page.getByRole('button', { name: 'Аудит журналын тексеру' }).click();
  return page.getByTestId('audit-verify-result');
}

async function prepared(page: Page): Promise<void> {
  await setUpOffice(page);
  await addPerson(page, PEOPLE.aliya);
  // Verifying waits for the app's own signatures: the trail is intact and signed before the attack.
  const result = await verify(page);
  await expect(result).toContainText('Журнал тұтас.');
  await expect(page.getByTestId('audit-signed-head')).toBeVisible();
}

test.describe('an anchored, signed audit trail (issue 19)', () => {
  test('a forged tail is broken at its first entry', async ({ page }) => {
    await prepared(page);
    const { seq } = await tamper(page, 'forge-tail');
    await page.reload();
    const result = await verify(page);
    await expect(result).toContainText('Журнал бұзылған.');
    await expect(result).toContainText(`№${seq} жазбаны мекеменің кілтімен қол қойылған бірде-бір бақылау нүктесі растамайды`);
  });

  test('a re-chained edit names the edited entry', async ({ page }) => {
    await prepared(page);
    const { seq } = await tamper(page, 'rechain');
    await page.reload();
    const result = await verify(page);
    await expect(result).toContainText('Журнал бұзылған.');
    await expect(result).toContainText(`№${seq} жазбадан бастап журнал қайта жазылған`);
  });

  test('a truncated tail is broken, naming the missing entry', async ({ page }) => {
    await prepared(page);
    const { last } = await tamper(page, 'truncate');
    await page.reload();
    const result = await verify(page);
    await expect(result).toContainText('Журнал бұзылған.');
    await expect(result).toContainText(`Журналдың соңы кесілген: №${last}–№${last} жазбалар жоқ`);
  });

  test('stripped digests are broken, not a warning', async ({ page }) => {
    await prepared(page);
    const { seq } = await tamper(page, 'strip');
    await page.reload();
    const result = await verify(page);
    await expect(result).toContainText('Журнал бұзылған.');
    await expect(result).toContainText(`№${seq} жазбаның дайджесті өшірілген`);
  });
});
