// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { ServicesProvider } from '../../../renderer/src/core/services';
import { openCase } from '../../../renderer/src/db/repositories/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { HearingsDashboardCard } from '../../../renderer/src/features/hearings';
import { createApplication, recordPreliminary, scheduleHearing } from '../../../renderer/src/features/hearings/repository';
import { initI18n } from '../../../renderer/src/i18n';
import { browserPlatform } from '../../../renderer/src/platform/browserPlatform';
import { calendarYearSchema } from '@shared/calendar';
import type { Result } from '@shared/result';
import { ALIYA, freshDb, OFFICE, testContext } from '../db/testContext';

function value<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

afterEach(cleanup);

describe('HearingsDashboardCard', () => {
  it('counts upcoming hearings and notices due, each linking to its filtered list', async () => {
    await initI18n('kk');
    const db = freshDb();
    await db.open();
    await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
    // The office's clock after the dates recorded below: nothing is recorded before it happens (issue 16 point 2).
    let clock = Date.UTC(2026, 1, 2, 9, 0, 0);
    const ctx = { ...testContext(), now: () => new Date((clock += 1000)).toISOString() };
    const person = value(await addPerson(db, ctx, ALIYA));
    const theCase = value(await openCase(db, ctx, OFFICE, { personId: person.id, registrationDate: '2026-01-05', subject: 'Оңалту' }));
    // Dates far ahead of any "today" the test may run on, so the hearing is upcoming.
    const year = new Date().getFullYear() + 1;
    const register = () =>
      createApplication(db, ctx, {
        caseId: theCase.id,
        service: 'personal-assistant',
        channel: 'provider',
        registrationDate: '2026-01-05',
        plannedDecisionDate: '',
        intakeId: null,
        note: '',
      });
    const a = value(await register());
    const b = value(await register());
    // Both applicants disagreed: Order 458 then holds a hearing, so a notice is due (000 L47).
    for (const app of [a, b])
      value(await recordPreliminary(db, ctx, app.id, { date: '2026-01-12', grounds: 'Негіз', disagreementDate: '2026-01-12' }));
    value(
      await scheduleHearing(db, ctx, a.id, { date: `${year}-06-01`, time: '10:00', method: 'in-person', place: 'Арал', participants: '' }),
    );

    render(
      <ServicesProvider services={{ db, platform: browserPlatform('test') }}>
        <HearingsDashboardCard />
      </ServicesProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('hearings-count-upcoming').textContent).toContain('1'));
    // Both preliminary refusals still wait for their notice.
    expect(screen.getByTestId('hearings-count-notices').textContent).toContain('2');
    expect(screen.getByTestId('hearings-count-remarks').textContent).toContain('0');
    expect(screen.getByTestId('hearings-count-upcoming').getAttribute('href')).toBe('#/hearings?view=upcoming');
    expect(screen.getByTestId('hearings-count-notices').getAttribute('href')).toBe('#/hearings?view=notices');
    expect(screen.getByText('Алдағы тыңдаулар')).toBeTruthy();
  });
});
