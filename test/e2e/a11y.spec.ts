/**
 * Issue 16 point 5: every view the officer reaches, in Kazakh and in Russian, scanned with axe-core:
 * 0 critical and 0 serious violations. Moderate ones are allowed only when listed below with a reason.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';
import { seedRegister } from './seed';

/** The views, by route; each waits for its level-1 heading before the scan. */
const VIEWS = [
  '/#/',
  '/#/persons',
  '/#/persons/new',
  '/#/complaints',
  '/#/complaints/new',
  '/#/hearings',
  '/#/intake',
  '/#/wheelchairs',
  '/#/bundles/export',
  '/#/bundles/import',
  '/#/bundles/history',
  '/#/bundles/offices',
  '/#/bundles/conflicts',
  '/#/audit',
  '/#/reports',
  '/#/settings',
] as const;

/** Moderate findings accepted for now, each with why (none yet: a new one fails until it is listed or fixed). */
const ACCEPTED_MODERATE: Record<string, string> = {};

interface Finding {
  view: string;
  id: string;
  impact: string;
  targets: string[];
}

async function scan(page: Page, view: string): Promise<Finding[]> {
  await page.goto(view);
  await expect(page.locator('main h1, h1').first()).toBeVisible();
  return scanHere(page, view);
}

async function scanHere(page: Page, view: string): Promise<Finding[]> {
  // Lazy sections and live reads settle before the scan.
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => ({
    view,
    id: v.id,
    impact: v.impact ?? 'unknown',
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

for (const lang of ['kk', 'ru'] as const) {
  test(`axe: no critical or serious violation on any view (${lang})`, async ({ page }) => {
    // Sixteen views and an axe run each: minutes on a loaded two-core machine.
    test.setTimeout(900_000);
    await setUpOffice(page);
    await addPerson(page, PEOPLE.aliya);
    await seedRegister(page, 5, { persons: 8, complaints: 30 });
    if (lang === 'ru') {
      await page.goto('/#/');
      await page.getByRole('button', { name: 'Русский' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    }
    const findings: Finding[] = [];
    for (const view of VIEWS) {
      const found = await scan(page, view);
      console.log(`${lang} ${view}: ${found.map((f) => `${f.id} (${f.impact})`).join(', ') || 'clean'}`);
      findings.push(...found);
    }
    // Screens and dialogs reached by action: a complaint's page and its print preview.
    const names = lang === 'kk' ? { print: 'Тіркеу туралы растама' } : { print: 'Подтверждение регистрации' };
    const reached = async (name: string) => {
      const found = await scanHere(page, name);
      console.log(`${lang} ${name}: ${found.map((f) => `${f.id} (${f.impact})`).join(', ') || 'clean'}`);
      findings.push(...found);
    };
    await page.goto('/#/complaints');
    await page.getByTestId('register-table').getByRole('link').first().click();
    await expect(page.getByRole('button', { name: names.print })).toBeVisible();
    await reached('complaint page');
    await page.getByRole('button', { name: names.print }).click();
    await expect(page.getByTestId('print-area')).toBeVisible();
    await reached('print preview');

    const blocking = findings.filter((f) => f.impact === 'critical' || f.impact === 'serious');
    const moderate = findings.filter((f) => f.impact === 'moderate' && !(f.id in ACCEPTED_MODERATE));
    expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
    expect(moderate, JSON.stringify(moderate, null, 2)).toEqual([]);
  });
}
