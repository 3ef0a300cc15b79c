/**
 * Stage records derived from what officers already record (never typed twice):
 * - service applications: their history (shared/hearings `ApplicationHistoryEntry`);
 * - intakes: the counter check and the progress dates of the 17-working-day term (seed 001 L19, L28, L38, L41, L42);
 * - complaints: their status history and the forward / decision / withdrawal dates (seed 000 L67-81).
 * Each record is one dated stage: who, when (the legal date and the time it was recorded), which
 * stage, and the clauses that make it a stage (catalog.ts). A source event with no stage in the
 * catalog yields nothing, so an administrator can drop a stage by removing it from the catalog.
 */
import type { Complaint } from '../complaints';
import type { ApplicationHistoryEntry, ServiceApplication } from '../hearings';
import type { Intake } from '../intake';
import type { Citation } from '../rules';
import { MONITORING_CLAUSES, type StageCatalog, type StageDefinition, type StageSource, type StageSubject } from './catalog';

export interface StageRecord {
  subject: StageSubject;
  recordId: string;
  personId: string;
  /** Service rule id ('personal-assistant', 'msi-placement', …); for complaints the contested service. */
  service: string;
  stageId: string;
  /** The legal date of the stage ('YYYY-MM-DD'). */
  date: string;
  /** ISO timestamp when the officer recorded it. */
  at: string;
  /** The officer who recorded it. */
  by: string;
  /** Office where the record was made (the record's origin office). */
  officeId: string;
  /** The stage's clauses and then the service's monitoring clause (000 L111 etc., 001 L36), when known. */
  citations: readonly Citation[];
}

interface Event {
  source: StageSource;
  date: string;
  at: string;
  by: string;
}

type Resolver = (source: StageSource) => StageDefinition | undefined;

function resolver(catalog: StageCatalog): Resolver {
  const bySource = new Map<StageSource, StageDefinition>();
  for (const s of catalog.stages) bySource.set(s.source, s);
  return (source) => bySource.get(source);
}

function toRecords(
  resolve: Resolver,
  base: Pick<StageRecord, 'subject' | 'recordId' | 'personId' | 'service' | 'officeId'>,
  events: readonly Event[],
): StageRecord[] {
  const monitoring = MONITORING_CLAUSES[base.service];
  const out: StageRecord[] = [];
  for (const e of events) {
    const stage = resolve(e.source);
    if (!stage) continue;
    out.push({
      ...base,
      stageId: stage.id,
      date: e.date,
      at: e.at,
      by: e.by,
      citations: monitoring ? [...stage.citations, monitoring] : stage.citations,
    });
  }
  return out.sort((a, b) => (a.date === b.date ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : a.date < b.date ? -1 : 1));
}

const dayOf = (at: string): string => at.slice(0, 10);

function applicationEvent(a: ServiceApplication, h: ApplicationHistoryEntry): Event | null {
  const when = { at: h.at, by: h.by };
  switch (h.action) {
    case 'registered':
      return { source: 'application-registered', date: a.registrationDate, ...when };
    case 'preliminary':
      return { source: 'application-preliminary', date: h.date ?? a.preliminary?.date ?? dayOf(h.at), ...when };
    case 'notice-sent':
      return { source: 'application-notice-sent', date: h.date ?? a.notice?.sentOn ?? dayOf(h.at), ...when };
    case 'hearing-held':
    case 'hearing-absent':
      return { source: 'application-hearing-held', date: h.date ?? dayOf(h.at), ...when };
    case 'decision':
    case 'decision-early': {
      if (!a.decision) return null;
      const source = a.decision.outcome === 'granted' ? 'application-granted' : 'application-refused';
      return { source, date: a.decision.date, ...when };
    }
    case 'decision-notified':
      return { source: 'application-notified', date: h.date ?? a.notification?.date ?? dayOf(h.at), ...when };
    default:
      return null;
  }
}

/** The stages of a service application, from its history (seed 000 L103-L109; L47-49 for the hearing). */
export function applicationStages(a: ServiceApplication, catalog: StageCatalog): StageRecord[] {
  const events = a.history.map((h) => applicationEvent(a, h)).filter((e): e is Event => e !== null);
  if (!a.history.some((h) => h.action === 'registered')) {
    events.unshift({ source: 'application-registered', date: a.registrationDate, at: a.createdAt, by: a.createdBy });
  }
  return toRecords(
    resolver(catalog),
    { subject: 'application', recordId: a.id, personId: a.personId, service: a.service, officeId: a.originOffice },
    events,
  );
}

/**
 * The stages of a medical-card intake: accepted or refused at the counter (001 L19, L28), then the
 * dated steps of the term (L38, L41, L42). The intake keeps no per-step author: the counter stage names
 * the officer who accepted the package, later steps the officer who last changed the record.
 */
export function intakeStages(i: Intake, catalog: StageCatalog): StageRecord[] {
  const refused = i.check.result === 'refuse';
  const events: Event[] = [
    { source: refused ? 'intake-refused' : 'intake-accepted', date: i.registrationDate, at: i.createdAt, by: i.officerName || i.createdBy },
  ];
  const p = i.progress;
  const later = { at: i.updatedAt, by: i.updatedBy };
  if (!refused && p.assessmentConclusionOn !== '') events.push({ source: 'intake-assessment', date: p.assessmentConclusionOn, ...later });
  if (!refused && p.decisionOn !== '') events.push({ source: 'intake-decision', date: p.decisionOn, ...later });
  if (!refused && p.portalNoticeOn !== '') events.push({ source: 'intake-portal-notice', date: p.portalNoticeOn, ...later });
  return toRecords(
    resolver(catalog),
    { subject: 'intake', recordId: i.id, personId: i.personId, service: 'msi-placement', officeId: i.originOffice },
    events,
  );
}

/** The stages of a complaint, from its status history (seed 000 L67, L75-77, L79-81). */
export function complaintStages(c: Complaint, catalog: StageCatalog): StageRecord[] {
  const events: Event[] = [];
  for (const h of c.history) {
    const when = { at: h.at, by: h.by };
    if (h.to === h.from) continue; // a court note: not a stage of the provider
    switch (h.to) {
      case 'registered':
        events.push({ source: 'complaint-registered', date: c.registrationDate, ...when });
        break;
      case 'under-review':
        events.push({ source: 'complaint-review', date: dayOf(h.at), ...when });
        break;
      case 'forwarded':
        events.push({ source: 'complaint-forwarded', date: c.forwarded?.date ?? dayOf(h.at), ...when });
        break;
      case 'decided':
        events.push({ source: 'complaint-decided', date: c.decision?.date ?? dayOf(h.at), ...when });
        break;
      case 'withdrawn':
        events.push({ source: 'complaint-withdrawn', date: c.withdrawal?.date ?? dayOf(h.at), ...when });
        break;
    }
  }
  return toRecords(
    resolver(catalog),
    { subject: 'complaint', recordId: c.id, personId: c.personId, service: c.serviceId, officeId: c.originOffice },
    events,
  );
}

/** Stage records whose legal date lies in [from, to] (inclusive ISO dates). */
export function stagesInPeriod(records: readonly StageRecord[], from: string, to: string): StageRecord[] {
  return records.filter((r) => r.date >= from && r.date <= to);
}

/** Counts per stage id (for the "services by stage" chart and table). */
export function countByStage(records: readonly StageRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) out.set(r.stageId, (out.get(r.stageId) ?? 0) + 1);
  return out;
}
