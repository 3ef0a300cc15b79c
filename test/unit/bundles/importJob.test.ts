/**
 * Issue 14 B6/B7: an import held by the job host (the bundle worker's, or the page's when no worker
 * starts) gives the page a small summary instead of the decoded bundle, reports progress per phase,
 * applies on its own connection, and writes nothing when the officer stops before applying.
 */
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { prepareImport } from '../../../renderer/src/features/bundles/importBundle';
import { ImportHost, LISTED_PER_CATEGORY, type JobPhase } from '../../../renderer/src/features/bundles/importJob';
import { JobCancelled, importSession } from '../../../renderer/src/features/bundles/workerClient';
import { decodeFor, dumpDb, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload } from './fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

async function everythingOf() {
  const a = await openOffice(OFFICE_A);
  const b = await openOffice(OFFICE_B);
  await seedCaseload(a);
  const built = await buildBundle(a.db, { kind: 'everything' }, { office: a.profile });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return { a, b, bytes: built.value.bytes };
}

describe('the import job host', { timeout: 120_000 }, () => {
  it('sends a small summary with the plan counts, applies on its own connection and reports each phase', async () => {
    const { b, bytes } = await everythingOf();
    const phases = new Set<JobPhase>();
    const host = new ImportHost(b.db);
    const opened = await host.open({ dbName: b.db.name, fileName: 'all.qamqor', bytes }, (phase) => phases.add(phase));
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const summary = opened.value;

    // The same plan as the engine's, but no decoded records, files or office tables.
    const planned = await prepareImport(b.db, 'all.qamqor', mustDecode(await decodeFor(b, bytes)));
    expect(summary.counts).toEqual(planned.preview.counts);
    expect(summary.countsByTable).toEqual(planned.preview.countsByTable);
    expect(summary.counts.new).toBeGreaterThan(0);
    expect(Object.keys(summary)).not.toContain('decoded');
    expect(Object.keys(summary)).not.toContain('snapshot');
    for (const item of summary.items) {
      expect(Object.keys(item.incoming)).not.toContain('blob');
      for (const value of Object.values(item.incoming)) if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(201);
    }
    const perCategory = new Map<string, number>();
    for (const item of summary.items) perCategory.set(item.category, (perCategory.get(item.category) ?? 0) + 1);
    for (const n of perCategory.values()) expect(n).toBeLessThanOrEqual(LISTED_PER_CATEGORY);
    expect(JSON.stringify(summary).length).toBeLessThan(bytes.length * 4);
    expect([...phases]).toEqual(['decode', 'plan']);

    const auditBefore = await b.db.auditLog.count();
    const applied = await host.apply({ actor: b.ctx.actor, roles: b.ctx.roles, now: '2026-11-20T10:00:00.000Z' }, (phase) =>
      phases.add(phase),
    );
    if (!applied.ok || applied.value.kind !== 'import' || applied.value.result.kind !== 'applied') throw new Error(JSON.stringify(applied));
    expect(applied.value.result.written).toBe(summary.counts.new + summary.counts.update + summary.counts['identity-match']);
    expect(applied.value.result.history.importedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(UUID.test(applied.value.result.history.id)).toBe(true);
    expect(await b.db.auditLog.count()).toBeGreaterThan(auditBefore);
    expect(phases.has('apply')).toBe(true);
  });

  it('writes nothing when the officer stops after the preview: the session is closed and cannot apply', async () => {
    const { b, bytes } = await everythingOf();
    const before = await dumpDb(b.db);
    // No Worker in this environment: the client runs the same host on the page's connection.
    const session = importSession(b.db);
    const opened = await session.open({ fileName: 'all.qamqor', bytes }, () => undefined);
    expect(opened.ok && opened.value.canApply).toBe(true);
    session.close();
    await expect(session.apply({ actor: b.ctx.actor, roles: b.ctx.roles, now: b.ctx.now() }, () => undefined)).rejects.toBeInstanceOf(
      JobCancelled,
    );
    expect(await dumpDb(b.db)).toEqual(before);
  });

  it('a session with nothing opened is stale, not applied', async () => {
    const b = await openOffice(OFFICE_B);
    const applied = await new ImportHost(b.db).apply({ actor: b.ctx.actor, roles: b.ctx.roles, now: b.ctx.now() }, () => undefined);
    expect(applied).toEqual({ ok: false, error: { code: 'stale' } });
  });
});
