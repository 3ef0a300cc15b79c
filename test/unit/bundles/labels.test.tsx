// @vitest-environment jsdom
/**
 * Issue 16 pt 7: the import preview, the restore preview and the conflict queue name records without
 * ids or raw codes — minutes by their hearing's date and time, services and wheelchair types by their
 * names in the officer's language.
 */
import { renderHook } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '@shared/calendar';
import type { RecordEnvelope } from '@shared/records/envelope';
import { shippedRuleSets } from '@shared/rules';
import { useAppStore } from '../../../renderer/src/core/store';
import { recordLabel, useLabelNames } from '../../../renderer/src/features/bundles/common';
import { initI18n } from '../../../renderer/src/i18n';
import { caseloadTables, generateCaseload } from '../../support/generator';
import { OFFICE_A, YEARS } from './fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu;

const data = generateCaseload(
  11,
  { persons: 4, cases: 6, complaints: 6 },
  {
    office: { officeId: OFFICE_A.officeId, officeCode: OFFICE_A.officeCode, officerName: OFFICE_A.officerName },
    ruleSets: shippedRuleSets,
    calendar: createWorkingCalendar(YEARS),
    today: '2026-11-20',
    spreadDays: 200,
  },
);

function labelNames() {
  return renderHook(() => useLabelNames()).result.current;
}

let i18nInstance: Awaited<ReturnType<typeof initI18n>>;

beforeAll(async () => {
  i18nInstance = await initI18n('kk');
  useAppStore.setState({ ruleSets: [...shippedRuleSets] });
});

describe('record labels', () => {
  it('name every generated record without an id', () => {
    const names = labelNames();
    const tables = caseloadTables(data);
    let labelled = 0;
    for (const [table, rows] of Object.entries(tables)) {
      for (const row of rows) {
        const label = recordLabel(table, row as RecordEnvelope, names);
        expect(label, `${table} ${row.id}`).not.toMatch(UUID);
        expect(label.trim(), `${table} ${row.id}`).not.toBe('');
        labelled += 1;
      }
    }
    expect(labelled).toBeGreaterThan(20);
  });

  it('say a service by its name in the UI language, never its code', async () => {
    const application = data.applications[0];
    if (!application) throw new Error('the caseload has no application');
    const service = shippedRuleSets.flatMap((r) => r.services).find((s) => s.id === application.service);
    if (!service) throw new Error(`no rule set knows ${application.service}`);
    expect(recordLabel('applications', application, labelNames())).toContain(service.nameKk);
    expect(recordLabel('applications', application, labelNames())).not.toContain(application.service);
    await i18nInstance.changeLanguage('ru');
    expect(recordLabel('applications', application, labelNames())).toContain(service.nameRu);
    await i18nInstance.changeLanguage('kk');
  });

  it('name minutes by the date and time of their hearing', async () => {
    const minutes = data.hearingMinutes[0];
    if (!minutes) throw new Error('the caseload has no minutes');
    const [y, m, d] = minutes.content.date.split('-');
    const label = recordLabel('hearingMinutes', minutes, labelNames());
    expect(label).toBe(`${d}.${m}.${y} ${minutes.content.startTime} тыңдауының хаттамасы`);
    await i18nInstance.changeLanguage('ru');
    expect(recordLabel('hearingMinutes', minutes, labelNames())).toBe(`Протокол слушания ${d}.${m}.${y} ${minutes.content.startTime}`);
    await i18nInstance.changeLanguage('kk');
  });
});
