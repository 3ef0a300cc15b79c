import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionVector } from '@shared/records/envelope';
import { chooseAll, conflictFields, type FieldChoice, type FieldDiff } from '@shared/bundle/specs';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { useLiveData } from '../../core/useLiveData';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { BundlesNav, formatDateTime, reasonText, recordLabel, tableName, versionLine } from './common';
import { openConflicts } from './conflictStore';
import { closeSettled, loadConflict, resolveConflict, type ConflictView } from './resolve';

/** The queue: every open conflict, oldest first. */
export function ConflictsPage() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const rows = useLiveData(async () => {
    const open = await openConflicts(db);
    return Promise.all(open.map(async (c) => (await loadConflict(db, c.id)) ?? { conflict: c, local: undefined, settled: false }));
  }, [db]);
  return (
    <section aria-labelledby="bundles-conflicts-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-conflicts-title">{t('bundles.conflicts.title')}</h1>
      </header>
      <BundlesNav current="conflicts" conflicts={rows.status === 'done' ? rows.value.length : 0} />
      <p className="muted">{t('bundles.conflicts.intro')}</p>
      {rows.status === 'error' ? <Notice kind="error">{t('bundles.unexpected', { detail: rows.error })}</Notice> : null}
      {rows.status === 'done' && rows.value.length === 0 ? <div className="empty">{t('bundles.conflicts.empty')}</div> : null}
      {rows.status === 'done' && rows.value.length > 0 ? (
        <table className="grid" data-testid="bundle-conflicts">
          <thead>
            <tr>
              <th scope="col">{t('bundles.import.table')}</th>
              <th scope="col">{t('bundles.import.record')}</th>
              <th scope="col">{t('bundles.import.office')}</th>
              <th scope="col">{t('bundles.conflicts.received')}</th>
              <th scope="col">{t('bundles.conflicts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.value.map(({ conflict, settled }) => (
              <tr key={conflict.id}>
                <td>{tableName(t, (k) => i18n.exists(k), conflict.table)}</td>
                <td>{recordLabel(conflict.table, conflict.incoming)}</td>
                <td>
                  {conflict.sender.officeName} <span className="mono">({conflict.sender.officeCode})</span>
                  <div className="muted">{conflict.officer}</div>
                </td>
                <td>{formatDateTime(conflict.createdAt)}</td>
                <td>
                  {settled ? <span className="badge success">{t('bundles.conflicts.settled')}</span> : null}{' '}
                  <a href={sectionHref('bundles', ['conflicts', conflict.id])}>{t('bundles.conflicts.open')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

const isTextField = (d: FieldDiff): boolean =>
  (typeof d.local === 'string' || d.local === undefined) && (typeof d.incoming === 'string' || d.incoming === undefined);

type Pick = 'local' | 'incoming' | 'edited';

/** One conflict: both copies side by side, a choice per differing field, the merged record saved. */
export function ConflictPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [reload, setReload] = useState(0);
  const view = useAsync(() => loadConflict(db, id), [db, id, reload]);
  return (
    <section aria-labelledby="bundles-conflict-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-conflict-title">{t('bundles.conflicts.resolveTitle')}</h1>
        <a href={sectionHref('bundles', ['conflicts'])}>{t('common.back')}</a>
      </header>
      <BundlesNav current="conflicts" />
      {view.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {view.status === 'error' ? <Notice kind="error">{t('bundles.unexpected', { detail: view.error })}</Notice> : null}
      {view.status === 'done' && (!view.value || !view.value.local) ? (
        <Notice kind="warning">{t('bundles.conflicts.notFound')}</Notice>
      ) : null}
      {view.status === 'done' && view.value?.local ? (
        <Resolver key={`${reload}`} view={view.value} onReload={() => setReload((n) => n + 1)} />
      ) : null}
    </section>
  );
}

function Resolver({ view, onReload }: { view: ConflictView; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const { conflict } = view;
  const local = view.local;
  const fields = local ? conflictFields(conflict.table, local, conflict.incoming) : [];
  const differing = fields.filter((f) => !f.same);
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = useSubmit(
    (choices: Record<string, FieldChoice>, version: VersionVector) => resolveConflict(db, ctxOrThrow(ctx), conflict.id, choices, version),
    {
      onOk: () => setOutcome({ kind: 'done' }),
      onRefused: (error) => {
        if (error.code === 'invalid') setOutcome({ kind: 'invalid', errors: error.errors });
        else if (error.code === 'changed' || error.code === 'closed') setOutcome({ kind: error.code });
        else setOutcome({ kind: 'error', text: t(`bundles.conflicts.errors.${error.code}`) });
      },
    },
  );
  const busy = submit.busy;
  const closed = conflict.status !== 'open' || outcome?.kind === 'done';

  if (!local) return null;
  const exists = (k: string) => i18n.exists(k);
  const allChosen = differing.every((f) => picks[f.field] !== undefined);

  function pickAll(from: 'local' | 'incoming') {
    setPicks(Object.fromEntries(Object.entries(chooseAll(differing, from)).map(([k, v]) => [k, v.from])));
  }

  function choose(d: FieldDiff, pick: Pick) {
    setPicks((p) => ({ ...p, [d.field]: pick }));
    if (pick === 'edited' && edits[d.field] === undefined) {
      const start = d.local === undefined ? d.incoming : d.local;
      setEdits((e) => ({ ...e, [d.field]: typeof start === 'string' ? start : JSON.stringify(start ?? null, null, 2) }));
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    if (!ctx || !local || busy || !allChosen) return;
    const choices: Record<string, FieldChoice> = {};
    const problems: Record<string, string> = {};
    for (const d of differing) {
      const pick = picks[d.field];
      if (pick === 'edited') {
        const raw = edits[d.field] ?? '';
        if (isTextField(d)) choices[d.field] = { from: 'edited', value: raw };
        else {
          try {
            choices[d.field] = { from: 'edited', value: JSON.parse(raw) as unknown };
          } catch {
            problems[d.field] = 'bundles.conflicts.badJson';
          }
        }
      } else if (pick) choices[d.field] = { from: pick };
    }
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    submit.run(choices, local.version);
  }

  async function closeAsSettled() {
    if (!ctx) return;
    if (await closeSettled(db, ctx, conflict.id)) setOutcome({ kind: 'done' });
  }

  return (
    <form onSubmit={save} noValidate>
      <div className="card">
        <h2>
          {tableName(t, exists, conflict.table)}: {recordLabel(conflict.table, local)}
        </h2>
        <p>{t('bundles.conflicts.explain', { office: conflict.sender.officeName, officer: conflict.officer })}</p>
        {conflict.aliasOf ? <Notice kind="info">{t('bundles.conflicts.identity')}</Notice> : null}
        {view.settled && !closed ? (
          <Notice kind="success">
            {t('bundles.conflicts.settledExplain')}{' '}
            <button
              type="button"
              onClick={() =>
                void closeAsSettled().catch((e: unknown) =>
                  setOutcome({ kind: 'error', text: t('bundles.unexpected', { detail: String(e) }) }),
                )
              }
            >
              {t('bundles.conflicts.closeSettled')}
            </button>
          </Notice>
        ) : null}
      </div>
      <table className="grid conflict-table" data-testid="conflict-fields">
        <thead>
          <tr>
            <th scope="col">{t('bundles.conflicts.field')}</th>
            <th scope="col">
              {t('bundles.conflicts.local')}
              <div className="muted small">{versionLine(local)}</div>
            </th>
            <th scope="col">
              {t('bundles.conflicts.incoming', { office: conflict.sender.officeCode })}
              <div className="muted small">{versionLine(conflict.incoming)}</div>
            </th>
            <th scope="col">{t('bundles.conflicts.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((d) => (
            <ConflictFieldRow
              key={d.field}
              diff={d}
              pick={picks[d.field]}
              edit={edits[d.field]}
              error={fieldErrors[d.field]}
              closed={closed}
              onChoose={(p) => choose(d, p)}
              onEdit={(value) => setEdits((x) => ({ ...x, [d.field]: value }))}
            />
          ))}
        </tbody>
      </table>
      <ResolveOutcome outcome={outcome} onReload={onReload} />
      {submit.failure ? <Notice kind="error">{t('bundles.unexpected', { detail: submit.failure })}</Notice> : null}
      {outcome?.kind === 'done' ? (
        <Notice kind="success">
          <span data-testid="conflict-resolved">{t('bundles.conflicts.resolved')}</span>{' '}
          <a href={sectionHref('bundles', ['conflicts'])}>{t('bundles.nav.conflicts')}</a>
        </Notice>
      ) : null}
      {!closed ? (
        <div className="actions">
          <button type="button" onClick={() => pickAll('local')}>
            {t('bundles.conflicts.allLocal')}
          </button>
          <button type="button" onClick={() => pickAll('incoming')}>
            {t('bundles.conflicts.allIncoming')}
          </button>
          <button type="submit" className="primary" disabled={busy || !ctx || !allChosen}>
            {t('bundles.conflicts.save')}
          </button>
          {!allChosen ? (
            <span className="muted">
              {t('bundles.conflicts.chooseEach', { count: differing.filter((f) => picks[f.field] === undefined).length })}
            </span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function ctxOrThrow<T>(ctx: T | null | undefined): T {
  if (!ctx) throw new Error('no officer is signed in');
  return ctx;
}

/** One field of the conflict: both versions side by side and the officer's choice (or an edited value). */
function ConflictFieldRow(props: {
  diff: FieldDiff;
  pick: Pick | undefined;
  edit: string | undefined;
  error: string | undefined;
  closed: boolean;
  onChoose: (pick: Pick) => void;
  onEdit: (value: string) => void;
}) {
  const { diff, pick, edit, error, closed, onChoose, onEdit } = props;
  const { t, i18n } = useTranslation();
  const label = i18n.exists(`bundles.fields.${diff.field}`) ? t(`bundles.fields.${diff.field}`) : diff.field;
  return (
    <tr className={diff.same ? 'same' : 'differs'} data-field={diff.field}>
      <th scope="row">
        {label}
        <div className="mono muted small">{diff.field}</div>
      </th>
      <td className={pick === 'local' ? 'chosen' : ''}>
        <pre className="value">{show(diff.local)}</pre>
      </td>
      <td className={pick === 'incoming' ? 'chosen' : ''}>
        <pre className="value">{show(diff.incoming)}</pre>
      </td>
      <td>
        {diff.same ? (
          <span className="muted">{t('bundles.conflicts.same')}</span>
        ) : (
          <fieldset className="choice" disabled={closed}>
            <legend className="visually-hidden">{label}</legend>
            {(['local', 'incoming', 'edited'] as const).map((p) => (
              <label key={p} className="checkbox">
                <input type="radio" name={`pick-${diff.field}`} value={p} checked={pick === p} onChange={() => onChoose(p)} />
                {t(`bundles.conflicts.pick.${p}`)}
              </label>
            ))}
            {pick === 'edited' ? (
              <textarea
                aria-label={t('bundles.conflicts.editValue', { field: label })}
                value={edit ?? ''}
                rows={isTextField(diff) ? 2 : 6}
                onChange={(e) => onEdit(e.target.value)}
              />
            ) : null}
            {error ? <div className="field__error">{t(error)}</div> : null}
          </fieldset>
        )}
      </td>
    </tr>
  );
}

type Outcome =
  | { kind: 'done' }
  | { kind: 'changed' }
  | { kind: 'closed' }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'error'; text: string }
  | null;

/** What saving the choices came to: refused lines, a changed or closed conflict, or done. */
function ResolveOutcome({ outcome, onReload }: { outcome: Outcome; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  return (
    <>
      {outcome?.kind === 'invalid' ? (
        <Notice kind="error">
          {t('bundles.conflicts.invalid')}
          <ul className="reasons">
            {outcome.errors.map((line) => {
              const r = reasonText(t, exists, line);
              return (
                <li key={line}>
                  {r.path ? `${r.path}: ` : ''}
                  {r.message}
                </li>
              );
            })}
          </ul>
        </Notice>
      ) : null}
      {outcome?.kind === 'changed' ? (
        <Notice kind="warning">
          {t('bundles.conflicts.errors.changed')}{' '}
          <button type="button" onClick={onReload}>
            {t('bundles.import.refresh')}
          </button>
        </Notice>
      ) : null}
      {outcome?.kind === 'closed' ? <Notice kind="info">{t('bundles.conflicts.errors.closed')}</Notice> : null}
      {outcome?.kind === 'error' ? <Notice kind="error">{outcome.text}</Notice> : null}
    </>
  );
}
