import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictFields, isKeptField, type FieldChoice, type FieldDiff } from '@shared/bundle/specs';
import type { VersionVector } from '@shared/records/envelope';
import { mergeListField, type ListMerge } from '@shared/records/merge';
import { sectionHref } from '../../../core/router';
import { useServices } from '../../../core/services';
import { useAppStore, useWriteContext } from '../../../core/store';
import { useSubmit } from '../../../core/useSubmit';
import { Notice } from '../../../ui/Notice';
import { useAsync } from '../../../ui/useAsync';
import { recordLabel, tableName, useLabelNames, versionLine } from '../common';
import { closeSettled, resolveConflict, type ConflictView } from '../resolve';
import type { Names } from './describe';
import { FieldRow, type Pick } from './FieldRow';
import { loadNames } from './names';
import { ResolveOutcome, type Outcome } from './ResolveOutcome';
import { NamesContext } from './ValueView';

const EMPTY_NAMES: Names = { records: new Map(), codes: new Map() };

/** The value an officer's own entry starts from: the local copy, or the incoming one where ours is empty. */
const startOf = (d: FieldDiff): unknown => (d.local === null || d.local === undefined ? d.incoming : d.local);

/** Every differing field at one side; list-like fields stay merged so neither office's entries are lost. */
function allFrom(differing: readonly FieldDiff[], merges: ReadonlyMap<string, ListMerge>, from: 'local' | 'incoming') {
  return Object.fromEntries(differing.map((d) => [d.field, merges.has(d.field) ? 'merged' : from])) as Record<string, Pick>;
}

/** One conflict: only the fields that differ, both copies readable side by side, a choice per field. */
export function Resolver({ view, onReload }: { view: ConflictView; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const labelNames = useLabelNames();
  const { conflict } = view;
  const local = view.local;
  const names = useAsync(
    () => (local ? loadNames(db, local, conflict.incoming, ruleSets, i18n.language) : Promise.resolve(EMPTY_NAMES)),
    [db, local, conflict.incoming, ruleSets, i18n.language],
  );
  const fields = useMemo(() => (local ? conflictFields(conflict.table, local, conflict.incoming) : []), [conflict, local]);
  const differing = fields.filter((f) => !f.same);
  const merges = useMemo(() => {
    const out = new Map<string, ListMerge>();
    for (const f of fields) {
      const m = f.same ? undefined : mergeListField(conflict.table, f.field, f.local, f.incoming);
      if (m) out.set(f.field, m);
    }
    return out;
  }, [conflict.table, fields]);
  const [picks, setPicks] = useState<Record<string, Pick>>(() => Object.fromEntries([...merges.keys()].map((f) => [f, 'merged'])));
  const [edits, setEdits] = useState<Record<string, unknown>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = useSubmit(
    (choices: Record<string, FieldChoice>, version: VersionVector) => {
      if (!ctx) throw new Error('no officer is signed in');
      return resolveConflict(db, ctx, conflict.id, choices, version);
    },
    {
      onOk: () => setOutcome({ kind: 'done' }),
      onRefused: (error) => {
        if (error.code === 'invalid') setOutcome({ kind: 'invalid', errors: error.errors });
        else if (error.code === 'changed' || error.code === 'closed') setOutcome({ kind: error.code });
        else setOutcome({ kind: 'error', text: t(`bundles.conflicts.errors.${error.code}`) });
      },
    },
  );
  const closed = conflict.status !== 'open' || outcome?.kind === 'done';
  if (!local) return null;
  const exists = (k: string) => i18n.exists(k);
  const unchosen = differing.filter((f) => !isKeptField(f.field) && picks[f.field] === undefined).length;
  const personId = (local as unknown as Record<string, unknown>)['personId'];
  const person = typeof personId === 'string' && names.status === 'done' ? names.value.records.get(personId) : undefined;

  function choose(d: FieldDiff, pick: Pick) {
    setPicks((p) => ({ ...p, [d.field]: pick }));
    if (pick === 'edited' && !(d.field in edits)) setEdits((e) => ({ ...e, [d.field]: startOf(d) }));
  }

  function save(e: FormEvent) {
    e.preventDefault();
    if (!ctx || !local || submit.busy || unchosen > 0) return;
    const choices: Record<string, FieldChoice> = {};
    for (const d of differing) {
      const pick = picks[d.field];
      if (pick === 'edited') choices[d.field] = { from: 'edited', value: edits[d.field] };
      else if (pick === 'merged') choices[d.field] = { from: 'edited', value: merges.get(d.field)?.value };
      else if (pick) choices[d.field] = { from: pick };
    }
    submit.run(choices, local.version);
  }

  function settle() {
    if (!ctx) return;
    closeSettled(db, ctx, conflict.id).then(
      (done) => done && setOutcome({ kind: 'done' }),
      (e: unknown) => setOutcome({ kind: 'error', text: t('bundles.unexpected', { detail: String(e) }) }),
    );
  }

  return (
    <NamesContext.Provider value={names.status === 'done' ? names.value : EMPTY_NAMES}>
      <form onSubmit={save} noValidate>
        <div className="card">
          <h2>
            {tableName(t, exists, conflict.table)}: {recordLabel(conflict.table, local, labelNames)}
          </h2>
          {person ? <p data-testid="conflict-person">{t('bundles.conflicts.person', { person })}</p> : null}
          <p>{t('bundles.conflicts.explain', { office: conflict.sender.officeName, officer: conflict.officer })}</p>
          {conflict.aliasOf ? <Notice kind="info">{t('bundles.conflicts.identity')}</Notice> : null}
          {view.settled && !closed ? (
            <Notice kind="success">
              {t('bundles.conflicts.settledExplain')}{' '}
              <button type="button" onClick={settle}>
                {t('bundles.conflicts.closeSettled')}
              </button>
            </Notice>
          ) : null}
        </div>
        {differing.length === 0 ? (
          <div className="empty" data-testid="conflict-no-differences">
            {t('bundles.conflicts.noDifferences')}
          </div>
        ) : (
          <table className="grid conflict-table" data-testid="conflict-fields">
            <caption className="muted">
              {t('bundles.conflicts.differing', { count: differing.length, same: fields.length - differing.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('bundles.conflicts.field')}</th>
                <th scope="col">
                  {t('bundles.conflicts.local')}
                  <div className="muted small">{versionLine(local)}</div>
                </th>
                <th scope="col">
                  {t('bundles.conflicts.incoming', { office: conflict.sender.officeName })}
                  <div className="muted small">{versionLine(conflict.incoming)}</div>
                </th>
                <th scope="col">{t('bundles.conflicts.choice')}</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((d) => (
                <FieldRow
                  key={d.field}
                  table={conflict.table}
                  diff={d}
                  merge={merges.get(d.field)}
                  pick={picks[d.field]}
                  edit={edits[d.field]}
                  closed={closed}
                  onChoose={(p) => choose(d, p)}
                  onEdit={(value) => setEdits((x) => ({ ...x, [d.field]: value }))}
                />
              ))}
            </tbody>
          </table>
        )}
        <ResolveOutcome table={conflict.table} outcome={outcome} onReload={onReload} />
        {submit.failure ? <Notice kind="error">{t('bundles.unexpected', { detail: submit.failure })}</Notice> : null}
        {outcome?.kind === 'done' ? (
          <Notice kind="success">
            <span data-testid="conflict-resolved">{t('bundles.conflicts.resolved')}</span>{' '}
            <a href={sectionHref('bundles', ['conflicts'])}>{t('bundles.nav.conflicts')}</a>
          </Notice>
        ) : null}
        {!closed ? (
          <ResolveActions
            office={conflict.sender.officeName}
            canTakeAll={differing.length > 0}
            canSave={!submit.busy && ctx !== null && ctx !== undefined && unchosen === 0}
            unchosen={unchosen}
            onAll={(from) => setPicks(allFrom(differing, merges, from))}
          />
        ) : null}
      </form>
    </NamesContext.Provider>
  );
}

interface ActionsProps {
  office: string;
  canTakeAll: boolean;
  canSave: boolean;
  unchosen: number;
  onAll: (from: 'local' | 'incoming') => void;
}

/** Take every field from one side (the other office's only after a confirmation), and save. */
function ResolveActions({ office, canTakeAll, canSave, unchosen, onAll }: ActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const close = () => {
    setConfirming(false);
    askRef.current?.focus();
  };
  return (
    <>
      {confirming ? (
        <div
          className="notice notice--warning"
          role="alertdialog"
          aria-labelledby="conflict-confirm-all"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p id="conflict-confirm-all">{t('bundles.conflicts.confirmAllIncoming', { office })}</p>
          <button
            type="button"
            ref={confirmRef}
            onClick={() => {
              onAll('incoming');
              close();
            }}
          >
            {t('bundles.conflicts.confirmAllYes')}
          </button>{' '}
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => onAll('local')} disabled={!canTakeAll}>
          {t('bundles.conflicts.allLocal')}
        </button>
        <button type="button" ref={askRef} onClick={() => setConfirming(true)} disabled={!canTakeAll}>
          {t('bundles.conflicts.allIncoming')}
        </button>
        <button type="submit" className="primary" disabled={!canSave}>
          {t('bundles.conflicts.save')}
        </button>
        {unchosen > 0 ? <span className="muted">{t('bundles.conflicts.chooseEach', { count: unchosen })}</span> : null}
      </div>
    </>
  );
}
