/** Voiding a case made by mistake, with the service applications in it (issue 16 point 2; shared/hearings/voiding.ts). */
import type { Table } from 'dexie';
import type { Case } from '@shared/cases';
import { caseVoiding, type ServiceApplication } from '@shared/hearings';
import { touchEnvelope, type RecordEnvelope, type Voiding } from '@shared/records/envelope';
import type { VoidInput } from '@shared/records/voiding';
import type { WriteContext } from '../../../db/context';
import type { QamqorDb } from '../../../db/database';
import { appendAudit } from '../../../db/repositories/audit';
import { getOrRefuse, refuse, requirePermission, runWrite } from '../../../db/write';
import { applicationsTable, hearingTables, historyEntry, type HearingsResult } from './common';

/** Stores `record` voided and its audit entry (action `void`, the voiding with its reason in `after`). */
async function putVoided<T extends RecordEnvelope>(
  db: QamqorDb,
  ctx: WriteContext,
  table: Table<T, string>,
  before: T,
  changed: T,
): Promise<T> {
  const after = touchEnvelope(changed, ctx.actor, ctx.now());
  await table.put(after);
  await appendAudit(db, ctx, { action: 'void', table: table.name, recordId: after.id, before, after });
  return after;
}

/**
 * Voids a case made by mistake: only a head (`record.void`), with a reason (shared/records/voiding.ts).
 * The case keeps its number and stays in the register; each application in it not voided yet gets the
 * same voiding and a history line, so no term runs for it and no list or count takes it. Everything is
 * written in one transaction with one audit entry per record. A voided case is refused.
 */
export function voidCase(db: QamqorDb, ctx: WriteContext, caseId: string, input: VoidInput): Promise<HearingsResult<Case>> {
  return runWrite(db, hearingTables(db), async () => {
    requirePermission(ctx, 'record.void');
    const before = await getOrRefuse(db.cases, caseId);
    const apps = await applicationsTable(db).where('caseId').equals(caseId).toArray();
    const planned = caseVoiding(before, apps, input, ctx.actor.officerName, ctx.now());
    if (!planned.ok) return refuse(planned.error.code === 'voided' ? { code: 'voided' } : planned.error);
    const voided: Voiding = planned.value.voiding;
    for (const app of planned.value.applications) {
      const line = historyEntry(ctx, 'voided', null, voided.reason);
      await putVoided(db, ctx, applicationsTable(db), app, {
        ...app,
        voided,
        history: [...app.history, line],
      } satisfies ServiceApplication);
    }
    return putVoided(db, ctx, db.cases, before, { ...before, voided });
  });
}
