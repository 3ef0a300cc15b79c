import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../renderer/src/i18n';
import { formatCitation } from '../../../renderer/src/features/wheelchairs/cite';
import { ruleSet2021 } from '@shared/rules';

async function translator(lng: 'kk' | 'ru') {
  const i = i18next.createInstance();
  await i.init({ resources: { [lng]: { translation: CATALOGS[lng] } }, lng, interpolation: { escapeValue: false } });
  return i.t;
}

const w = ruleSet2021.wheelchairs;
const age = w.contraindications.find((c) => c.id === 'contra.age-under-6')?.occurrences[0]?.citation;

describe('citations in the officer’s language', () => {
  it('names act, appendix of the Rules, row and seed lines in Kazakh and Russian', async () => {
    if (!age) throw new Error('age criterion missing');
    expect(formatCitation(await translator('kk'), age, ruleSet2021.acts)).toBe(
      '№ 458 бұйрық, 9-қосымша (Қағидалардың 2-қосымшасы), 4-жол, бастапқы мәтін 000, L1678',
    );
    expect(formatCitation(await translator('ru'), age, ruleSet2021.acts)).toBe(
      'приказ № 458, прил. 9 (прил. 2 к Правилам), строка 4, исходный текст 000, L1678',
    );
  });

  it('names the Rules and paragraph of the supplier’s term, and the seed 002 source of a lost row number', async () => {
    const kk = await translator('kk');
    expect(formatCitation(kk, w.supplierResponse.citation, ruleSet2021.acts)).toBe(
      '№ 458 бұйрық, Арнаулы жүріп-тұру құралдарымен қамтамасыз ету қағидалары, 28-тармақ, бастапқы мәтін 000, L673',
    );
    const row5 = w.types.find((t) => t.row === 5)?.citation;
    if (!row5) throw new Error('row 5 missing');
    expect(formatCitation(kk, row5, ruleSet2021.acts)).toBe(
      '№ 458 бұйрық, 9-қосымша (Қағидалардың 2-қосымшасы), 5-жол, бастапқы мәтін 000, L1681, жол нөмірі: 002, L3123',
    );
  });

  it('keeps an unknown act id and free appendix text as they are', async () => {
    const ru = await translator('ru');
    expect(formatCitation(ru, { act: 'admin-2025', appendix: '3', item: '2)', seed: 'admin', lines: '—' }, ruleSet2021.acts)).toBe(
      'admin-2025, прил. 3, пп. 2), исходный текст admin, —',
    );
  });
});
