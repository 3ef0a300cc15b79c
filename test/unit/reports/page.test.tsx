// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within as inside } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import kz2025 from '../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import { shippedRuleSets } from '@shared/rules';
import { ServicesProvider } from '../../../renderer/src/core/services';
import { useAppStore } from '../../../renderer/src/core/store';
import { ReportsSection, StageLog } from '../../../renderer/src/features/reports';
import { initI18n } from '../../../renderer/src/i18n';
import { browserPlatform } from '../../../renderer/src/platform/browserPlatform';
import { caseloadTables } from '../../support/generator/index';
import { freshDb, OFFICE } from '../db/testContext';
import { todayIso } from '../../../renderer/src/ui/format';
import { caseload, OFFICE_A, plusWorkingDays } from '../shared/reports/truth';

afterEach(cleanup);

const data = caseload(41, OFFICE_A, { persons: 40, cases: 50, complaints: 120 });

async function seeded() {
  const db = freshDb();
  await db.open();
  for (const [table, rows] of Object.entries(caseloadTables(data))) await db.table(table).bulkAdd([...rows]);
  useAppStore.setState({
    office: { ...OFFICE, officeId: OFFICE_A.officeId, officeCode: OFFICE_A.officeCode },
    calendarYears: [calendarYearSchema.parse(kz2025), calendarYearSchema.parse(kz2026)],
    ruleSets: [...shippedRuleSets],
  });
  return db;
}

beforeAll(async () => {
  await initI18n('ru');
});

describe('reports page', () => {
  it('shows a year report whose figures match the records, and opens the records behind a figure', async () => {
    const db = await seeded();
    render(
      <ServicesProvider services={{ db, platform: browserPlatform('test') }}>
        <ReportsSection path={[]} query={{}} />
      </ServicesProvider>,
    );
    fireEvent.click(await screen.findByRole('radio', { name: 'Год' }));
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '2026' } });
    fireEvent.click(screen.getByTestId('report-show'));
    const received = data.complaints.filter((c) => c.receiptDate.startsWith('2026')).length;
    // Independent truth: open past the review term (5 or 15 working days from registration, 000 L79-81) on the
    // page's as-of day: the computer's today, or the year's last day once the year is over.
    const today = todayIso();
    const asOf = today < '2026-12-31' ? today : '2026-12-31';
    const overdue = data.complaints.filter(
      (c) =>
        c.receiptDate.startsWith('2026') &&
        c.decision === null &&
        c.status !== 'withdrawn' &&
        asOf > plusWorkingDays(c.registrationDate, c.addressee === 'quality-control-body' ? 15 : 5),
    ).length;
    await waitFor(() => expect(screen.getByTestId('figure-complaints.received').textContent).toBe(String(received)), { timeout: 10_000 });
    expect(screen.getByTestId('figure-complaints.overdue').textContent).toBe(String(overdue));
    fireEvent.click(screen.getByTestId('figure-complaints.received'));
    const list = await screen.findByTestId('figure-list');
    await waitFor(() => expect(inside(list).getAllByRole('row')).toHaveLength(received + 1), { timeout: 10_000 });
    // Every chart has its table alternative.
    for (const id of ['received-decided', 'on-time', 'overdue', 'stages'])
      expect(inside(screen.getByTestId(`chart-${id}`)).getByRole('table')).toBeTruthy();
  });

  it('the stage log of a complaint lists its stages with the officer and the clause', async () => {
    const db = await seeded();
    const decided = data.complaints.find((c) => c.decision !== null);
    if (!decided) throw new Error('no decided complaint');
    render(
      <ServicesProvider services={{ db, platform: browserPlatform('test') }}>
        <StageLog subject="complaint" id={decided.id} />
      </ServicesProvider>,
    );
    const log = await screen.findByTestId('stage-log');
    await waitFor(() => expect(log.querySelectorAll('tbody tr')).toHaveLength(decided.history.length));
    expect(log.querySelector('[data-stage="complaint-registered"]')?.textContent).toContain(decided.history[0]?.by ?? '?');
    expect(log.textContent).toContain('[000 L67]');
  });
});
