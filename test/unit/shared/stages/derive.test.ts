import { describe, expect, it } from 'vitest';
import {
  applicationStages,
  complaintStages,
  countByStage,
  DEFAULT_STAGE_CATALOG,
  intakeStages,
  MONITORING_CLAUSES,
  stageCatalogSchema,
  stagesInPeriod,
  type StageCatalog,
} from '@shared/stages';
import { caseload, OFFICE_A } from '../reports/truth';

const data = caseload(7, OFFICE_A, { persons: 60, cases: 90, complaints: 120 });
const catalog = DEFAULT_STAGE_CATALOG;

describe('stage catalog', () => {
  it('is valid data: unique ids, one stage per recorded event, every stage but withdrawal cites a seed line', () => {
    expect(stageCatalogSchema.safeParse(catalog).success).toBe(true);
    for (const s of catalog.stages.filter((x) => x.id !== 'complaint-withdrawn')) expect(s.citations.length, s.id).toBeGreaterThan(0);
  });

  it('names the monitoring clause of every Order 458 service and the placement rules (000 L111…L663, 001 L36)', () => {
    expect(Object.values(MONITORING_CLAUSES).map((c) => `${c.seed} ${c.lines}`)).toEqual([
      '000 L111',
      '000 L205',
      '000 L323',
      '000 L427',
      '000 L551',
      '000 L663',
      '001 L36',
    ]);
  });

  it('rejects a catalog with two stages for the same recorded event', () => {
    const first = catalog.stages[0];
    if (!first) throw new Error('empty catalog');
    const twice = { ...catalog, stages: [...catalog.stages, { ...first, id: 'copy' }] };
    expect(stageCatalogSchema.safeParse(twice).success).toBe(false);
  });
});

describe('stages derived from recorded actions', () => {
  it('an application yields one stage per stage-making history entry, dated by the entry, by its officer', () => {
    const app = data.applications.find((x) => x.decision !== null && x.history.some((h) => h.action === 'notice-sent'));
    if (!app) throw new Error('generator made no decided application with a hearing notice');
    const stages = applicationStages(app, catalog);
    const makes = new Set([
      'registered',
      'preliminary',
      'notice-sent',
      'hearing-held',
      'hearing-absent',
      'decision',
      'decision-early',
      'decision-notified',
    ]);
    expect(stages).toHaveLength(app.history.filter((h) => makes.has(h.action)).length);
    const result = stages.find((s) => s.stageId === (app.decision?.outcome === 'granted' ? 'application-result' : 'application-refusal'));
    expect(result?.date).toBe(app.decision?.date);
    expect(stages[0]?.stageId).toBe('application-accepted');
    expect(stages[0]?.date).toBe(app.registrationDate);
    for (const s of stages) {
      expect(app.history.some((h) => h.at === s.at && h.by === s.by)).toBe(true);
      expect(s.officeId).toBe(OFFICE_A.officeId);
    }
    const monitoring = MONITORING_CLAUSES[app.service];
    if (monitoring) expect(stages[0]?.citations).toContain(monitoring);
  });

  it('an intake refused at the counter has exactly one stage; an accepted one has its dated steps', () => {
    for (const i of data.intakes) {
      const stages = intakeStages(i, catalog);
      if (i.check.result === 'refuse') expect(stages.map((s) => s.stageId)).toEqual(['intake-refused']);
      else {
        const p = i.progress;
        const steps = [p.assessmentConclusionOn, p.decisionOn, p.portalNoticeOn].filter((d) => d !== '').length;
        expect(stages).toHaveLength(1 + steps);
        expect(stages[0]).toMatchObject({ stageId: 'intake-accepted', date: i.registrationDate, by: i.officerName });
      }
    }
    expect(data.intakes.length).toBeGreaterThan(0);
  });

  it('a complaint: registration, then its status changes; a decided one is dated by its decision', () => {
    for (const c of data.complaints) {
      const stages = complaintStages(c, catalog);
      expect(stages[0]).toMatchObject({ stageId: 'complaint-registered', date: c.registrationDate });
      expect(stages).toHaveLength(c.history.filter((h) => h.from !== h.to).length);
      if (c.decision) expect(stages.find((s) => s.stageId === 'complaint-decided')?.date).toBe(c.decision.date);
    }
  });

  it('dropping a stage from the catalog drops it from the log (the list is data)', () => {
    const noReview: StageCatalog = { ...catalog, stages: catalog.stages.filter((s) => s.id !== 'complaint-review') };
    const all = data.complaints.flatMap((c) => complaintStages(c, noReview));
    expect(all.some((s) => s.stageId === 'complaint-review')).toBe(false);
    expect(data.complaints.flatMap((c) => complaintStages(c, catalog)).some((s) => s.stageId === 'complaint-review')).toBe(true);
  });

  it('period filter and counts by stage', () => {
    const all = data.complaints.flatMap((c) => complaintStages(c, catalog));
    const inMarch = stagesInPeriod(all, '2026-03-01', '2026-03-31');
    expect(inMarch.every((s) => s.date >= '2026-03-01' && s.date <= '2026-03-31')).toBe(true);
    expect(inMarch.length).toBe(all.filter((s) => s.date.startsWith('2026-03')).length);
    const counts = countByStage(all);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
  });
});
