/**
 * Printing in the browser build: the same A4 print layout Electron saves as PDF. The complaint
 * registration confirmation stands for every printable form (they all go through PrintPreview and
 * the print style sheet).
 */
import { expect, test, type Page } from '@playwright/test';
import { pdfInfo, pdfPageToPng, pdfText } from './pdf';
import { PDF_OPTIONS } from '../../electron/handlers';
import { addPerson, fillAliyasComplaint, PEOPLE, setUpOffice } from './helpers';
import { TEST_NOW } from './seed';

async function openComplaintConfirmation(page: Page): Promise<void> {
  await page.clock.setFixedTime(TEST_NOW);
  await setUpOffice(page, 'ARAL01');
  await addPerson(page, PEOPLE.aliya);
  await page.goto('/#/complaints/new');
  await fillAliyasComplaint(page);
  await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
  await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();
  await page.getByRole('button', { name: 'Тіркеу туралы растама' }).click();
  await expect(page.getByTestId('print-area')).toContainText('ARAL01-2026-00001');
}

test.describe('printing in the browser build', () => {
  test('the print button opens the browser print dialog', async ({ page }) => {
    await openComplaintConfirmation(page);
    await page.evaluate(() => {
      const counter = window as unknown as { printCalls: number };
      counter.printCalls = 0;
      window.print = () => {
        counter.printCalls += 1;
      };
    });
    await page.getByRole('button', { name: 'Басып шығару', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    // No "PDF saved" message in the browser: the dialog is the browser's own.
    await expect(page.getByText('PDF сақталды')).toHaveCount(0);
  });

  test('prints only the A4 sheet, on one A4 page with the sheet margins: screenshot of the printed form', async ({ page, browser }) => {
    await openComplaintConfirmation(page);
    const sheet = page.locator('.a4-page');
    // 210 mm at 96 px/in on screen.
    expect(Math.round((await sheet.boundingBox())?.width ?? 0)).toBe(794);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.locator('.print-toolbar')).toBeHidden();
    await expect(sheet).toBeVisible();
    // The sheet's padding is the page margin (the @page margin is 0): 18 mm top, 22 mm left.
    const padding = await sheet.evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].map((value) => parseFloat(value));
    });
    const mm = (value: number): number => (value / 25.4) * 96;
    expect(padding.map((value) => Math.round(value))).toEqual([18, 16, 18, 22].map((value) => Math.round(mm(value))));

    // Chromium's printToPDF with the options Electron uses (electron/handlers.ts PDF_OPTIONS).
    const pdfPath = test.info().outputPath('complaint-confirmation.pdf');
    const { top, bottom, left, right } = PDF_OPTIONS.margins;
    await page.pdf({
      path: pdfPath,
      format: PDF_OPTIONS.pageSize,
      preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize,
      printBackground: PDF_OPTIONS.printBackground,
      margin: { top: `${top}in`, bottom: `${bottom}in`, left: `${left}in`, right: `${right}in` },
    });
    const info = await pdfInfo(pdfPath);
    expect(info.pages).toBe(1);
    // A4 is 595.28 x 841.89 pt; the CSS page size lands within a point of it (whole CSS pixels).
    expect(Math.abs(info.widthPt - 595.28)).toBeLessThan(1);
    expect(Math.abs(info.heightPt - 841.89)).toBeLessThan(1);
    const text = await pdfText(pdfPath);
    expect(text).toContain('ARAL01-2026-00001');
    expect(text).toContain('Жанар Омарова');
    // Nothing of the app around the sheet is printed.
    expect(text).not.toContain('Басты бет');

    const png = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/print-a4-browser.png' : test.info().outputPath('print-a4-browser.png');
    await pdfPageToPng(browser, pdfPath, 1, png);
  });
});
