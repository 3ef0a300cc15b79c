import type { WriteContext } from '../../../renderer/src/db/context';
import { QamqorDb } from '../../../renderer/src/db/database';
import type { Role } from '@shared/officers';
import type { OfficeProfile } from '@shared/office';

let dbCounter = 0;
/** Shared by every context so two officers (two windows) never mint the same id. */
let idCounter = 0;

/** A fresh database per test: fake-indexeddb keeps them in memory, one name each. */
export function freshDb(): QamqorDb {
  dbCounter += 1;
  return new QamqorDb(`test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export const OFFICE: OfficeProfile = {
  officeId: '6f1c2a4e-0000-4000-8000-000000000001',
  region: 'kyzylorda',
  district: 'Арал ауданы',
  officeCode: 'ARAL01',
  officeName: 'Арал ауданының әлеуметтік бағдарламалар бөлімі',
  officerName: 'Жанар Омарова',
  createdAt: '2026-01-05T09:00:00.000Z',
};

/** Deterministic ids and clock so assertions can name them. */
export function testContext(
  officerName = 'Жанар Омарова',
  officeId = OFFICE.officeId,
  roles: readonly Role[] = ['administrator', 'head'],
): WriteContext {
  let t = Date.UTC(2026, 0, 5, 9, 0, 0);
  return {
    actor: { officerName, officeId },
    roles,
    newId: () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`,
    now: () => new Date((t += 1000)).toISOString(),
  };
}

export const ALIYA = {
  iin: '921103405676',
  lastName: 'Сейтқали',
  firstName: 'Әлия',
  middleName: 'Нұрланқызы',
  address: 'Қызылорда қ., Әйтеке би к-сі, 12',
  phone: '8 (701) 234-56-78',
  disabilityGroup: 'II' as const,
  disabilityCategory: 'general-illness' as const,
  legalRepresentative: null,
};

export const BORIS = {
  iin: '850412300125',
  lastName: 'Ким',
  firstName: 'Борис',
  middleName: 'Александрович',
  address: 'Арал қ., Абай к-сі, 5',
  phone: '',
  disabilityGroup: 'I' as const,
  disabilityCategory: null,
  legalRepresentative: null,
};
