import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprint } from '@shared/bundle';
import { toBase64 } from '@shared/bundle/bytes';
import { officeKeyFileText, parseOfficeKeyFile, type OfficeKeyFile, type OfficeKeyFileError } from '@shared/bundle/specs';
import type { IpcError } from '@shared/ipc';
import { err, ok, type Result } from '@shared/result';
import { useServices } from '../../core/services';
import type { QamqorDb } from '../../db/database';
import type { WriteContext } from '../../db/context';
import type { TFunction } from 'i18next';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { BundlesNav, formatDateTime } from './common';
import { addKnownOffice, ensureOfficeKeys, listKnownOffices, removeKnownOffice, type KnownOfficeEntry } from './repository';

const KEY_FILTERS = [{ name: 'Qamqor office key', extensions: ['json'] }];

type Candidate = OfficeKeyFile & { publicKeyBytes: Uint8Array; fingerprint: string };

/** Why no key was read: the open dialog failed (or was cancelled), or the text is not a key file. */
type KeyReadRefusal = { code: 'platform'; error: IpcError } | { code: 'file'; error: OfficeKeyFileError };

/** A pasted or opened key file, checked, with its fingerprint to compare by telephone. */
async function candidateFrom(text: string): Promise<Result<Candidate, KeyReadRefusal>> {
  const parsed = parseOfficeKeyFile(text);
  if (!parsed.ok) return err({ code: 'file', error: parsed.error });
  return ok({ ...parsed.value, fingerprint: await fingerprint(parsed.value.publicKeyBytes) });
}

/**
 * Known offices (the trust list bundles are checked against, docs/bundle-format.md §4): this office's
 * own key and fingerprint with its key file to hand out, the list, adding by key file, removing.
 */
export function OfficesPage() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const [version, setVersion] = useState(0);
  const own = useOwnKeys(db);
  const list = useAsync(() => listKnownOffices(db), [db, version]);
  const [removing, setRemoving] = useState<KnownOfficeEntry | null>(null);
  const [message, setMessage] = useState<PageMessage | null>(null);

  const saveKey = useSubmit(
    (text: string, suggestedName: string) =>
      platform.saveFile({ suggestedName, filters: KEY_FILTERS, data: new TextEncoder().encode(text) }),
    {
      onOk: (saved) => setMessage({ kind: 'success', text: t('bundles.offices.keySaved', { fileName: saved.fileName }) }),
      onRefused: (error) => {
        const shown = platformMessage(t, error);
        if (shown) setMessage(shown);
      },
    },
  );

  const removal = useSubmit(
    async (c: WriteContext, entry: KnownOfficeEntry) => {
      await removeKnownOffice(db, c, entry.officeId);
      return ok(entry);
    },
    {
      onOk: (entry) => {
        setRemoving(null);
        setMessage({ kind: 'success', text: t('bundles.offices.removed', { name: entry.officeName }) });
        setVersion((v) => v + 1);
      },
    },
  );

  function saveOwnKey() {
    if (!office || own.status !== 'done') return;
    const text = officeKeyFileText({
      officeId: office.officeId,
      officeCode: office.officeCode,
      officeName: office.officeName,
      publicKey: toBase64(own.value.keys.publicKey),
    });
    saveKey.run(text, `${office.officeCode}-office-key.json`);
  }

  const failure = saveKey.failure ?? removal.failure;

  return (
    <section aria-labelledby="bundles-offices-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-offices-title">{t('bundles.offices.title')}</h1>
      </header>
      <BundlesNav current="offices" />
      <p className="muted">{t('bundles.offices.intro')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {failure ? <Notice kind="error">{t('bundles.unexpected', { detail: failure })}</Notice> : null}

      <div className="card" data-testid="own-office">
        <h2>{t('bundles.offices.own')}</h2>
        {office ? (
          <OwnOfficeFacts
            name={office.officeName}
            code={office.officeCode}
            fingerprint={own.status === 'done' ? own.value.fingerprint : null}
          />
        ) : null}
        <p className="muted">{t('bundles.offices.ownHint')}</p>
        <button type="button" onClick={saveOwnKey} disabled={own.status !== 'done' || saveKey.busy}>
          {t('bundles.offices.saveKey')}
        </button>
      </div>

      <h2>{t('bundles.offices.list')}</h2>
      {list.status === 'done' && list.value.length === 0 ? <div className="empty">{t('bundles.offices.empty')}</div> : null}
      {list.status === 'done' && list.value.length > 0 ? (
        <KnownOfficesTable
          offices={list.value}
          removing={removing}
          canRemove={ctx !== null && !removal.busy}
          onAsk={setRemoving}
          onRemove={(e) => {
            if (ctx) removal.run(ctx, e);
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}

      <AddOfficeCard onMessage={setMessage} onAdded={() => setVersion((v) => v + 1)} />
    </section>
  );
}

type PageMessage = { kind: 'success' | 'error' | 'warning'; text: string };

/** The message of a save or open dialog that failed; none when the officer cancelled it. */
function platformMessage(t: TFunction, error: IpcError): PageMessage | null {
  return error.code === 'cancelled' ? null : { kind: 'error', text: t(`platform.${error.code}`) };
}

/** Adding an office: its key file opened or pasted, the fingerprint compared by telephone, then added (or its key replaced). */
function AddOfficeCard({ onMessage, onAdded }: { onMessage: (message: PageMessage | null) => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const [pasted, setPasted] = useState('');
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [compared, setCompared] = useState(false);
  const [replace, setReplace] = useState<KnownOfficeEntry | null>(null);

  /** A new key read (or none): the comparison and the replacement question start over. */
  function forget(next: Candidate | null) {
    setCandidate(next);
    setCompared(false);
    setReplace(null);
  }
  const readKey = useSubmit(
    async (from: { text: string } | 'file'): Promise<Result<Candidate, KeyReadRefusal>> => {
      if (from !== 'file') return candidateFrom(from.text);
      const opened = await platform.openFile({ filters: KEY_FILTERS });
      return opened.ok ? candidateFrom(new TextDecoder().decode(opened.value.data)) : err({ code: 'platform', error: opened.error });
    },
    {
      onOk: (read) => {
        onMessage(null);
        forget(read);
      },
      onRefused: (refusal) => {
        if (refusal.code === 'platform') {
          const shown = platformMessage(t, refusal.error);
          if (shown) onMessage(shown);
          return;
        }
        forget(null);
        onMessage({ kind: 'error', text: t(`bundles.offices.fileErrors.${refusal.error}`) });
      },
    },
  );

  const adding = useSubmit(
    (c: WriteContext, chosen: Candidate, replacing: boolean) =>
      addKnownOffice(
        db,
        c,
        { officeId: chosen.officeId, officeCode: chosen.officeCode, officeName: chosen.officeName, publicKey: chosen.publicKeyBytes },
        { replace: replacing },
      ),
    {
      onOk: (entry) => {
        onMessage({ kind: 'success', text: t('bundles.offices.added', { name: entry.officeName }) });
        setCandidate(null);
        setPasted('');
        setReplace(null);
        onAdded();
      },
      onRefused: (refusal) => {
        if (refusal.code === 'key-changed') setReplace(refusal.entry);
        else
          onMessage({
            kind: refusal.code === 'already-known' ? 'warning' : 'error',
            text: t(`bundles.offices.errors.${refusal.code}`),
          });
      },
    },
  );

  const failure = readKey.failure ?? adding.failure;

  return (
    <div className="card">
      <h2>{t('bundles.offices.addTitle')}</h2>
      <p className="muted">{t('bundles.offices.addIntro')}</p>
      <div className="actions">
        <button type="button" onClick={() => readKey.run('file')} disabled={readKey.busy}>
          {t('bundles.offices.openKey')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="office-key-text">{t('bundles.offices.paste')}</label>
        <textarea id="office-key-text" rows={6} className="mono" value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      <button type="button" onClick={() => readKey.run({ text: pasted })} disabled={pasted.trim() === '' || readKey.busy}>
        {t('bundles.offices.check')}
      </button>
      {candidate ? (
        <CandidateOffice
          candidate={candidate}
          replace={replace}
          compared={compared}
          canAdd={ctx !== null && !adding.busy}
          onCompared={setCompared}
          onAdd={(replacing) => {
            if (ctx) adding.run(ctx, candidate, replacing);
          }}
        />
      ) : null}
      {failure ? <Notice kind="error">{t('bundles.unexpected', { detail: failure })}</Notice> : null}
    </div>
  );
}

/** The offices whose bundles this office accepts, each with a two-step removal. */
function KnownOfficesTable(props: {
  offices: KnownOfficeEntry[];
  removing: KnownOfficeEntry | null;
  canRemove: boolean;
  onAsk: (entry: KnownOfficeEntry) => void;
  onRemove: (entry: KnownOfficeEntry) => void;
  onCancel: () => void;
}) {
  const { offices, removing, canRemove, onAsk, onRemove, onCancel } = props;
  const { t } = useTranslation();
  return (
    <table className="grid" data-testid="known-offices">
      <thead>
        <tr>
          <th scope="col">{t('bundles.import.office')}</th>
          <th scope="col">{t('bundles.import.fingerprint')}</th>
          <th scope="col">{t('bundles.offices.addedAt')}</th>
          <th scope="col">{t('bundles.conflicts.action')}</th>
        </tr>
      </thead>
      <tbody>
        {offices.map((e) => (
          <tr key={e.officeId}>
            <td>
              {e.officeName} <span className="mono">({e.officeCode})</span>
            </td>
            <td className="mono fingerprint">{e.fingerprint}</td>
            <td>
              {formatDateTime(e.addedAt)}
              <div className="muted">{e.addedBy}</div>
            </td>
            <td>
              {removing?.officeId === e.officeId ? (
                <div className="actions">
                  <span>{t('bundles.offices.removeConfirm', { name: e.officeName })}</span>
                  <button type="button" className="danger" onClick={() => onRemove(e)}>
                    {t('bundles.offices.removeYes')}
                  </button>
                  <button type="button" onClick={onCancel}>
                    {t('common.cancel')}
                  </button>
                </div>
              ) : (
                <button type="button" className="link danger" onClick={() => onAsk(e)} disabled={!canRemove}>
                  {t('bundles.offices.remove')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A key file read but not yet added: the office and fingerprint to compare by telephone, then add (or replace). */
function CandidateOffice(props: {
  candidate: Candidate;
  replace: KnownOfficeEntry | null;
  compared: boolean;
  canAdd: boolean;
  onCompared: (compared: boolean) => void;
  onAdd: (replacing: boolean) => void;
}) {
  const { candidate, replace, compared, canAdd, onCompared, onAdd } = props;
  const { t } = useTranslation();
  return (
    <div className="notice notice--info" data-testid="office-candidate">
      <dl className="facts">
        <dt>{t('bundles.import.office')}</dt>
        <dd>
          {candidate.officeName} <span className="mono">({candidate.officeCode})</span>
        </dd>
        <dt>{t('bundles.import.fingerprint')}</dt>
        <dd className="mono fingerprint">{candidate.fingerprint}</dd>
      </dl>
      <label className="checkbox">
        <input type="checkbox" checked={compared} onChange={(e) => onCompared(e.target.checked)} />
        {t('bundles.offices.compared')}
      </label>
      {replace ? (
        <Notice kind="warning">
          {t('bundles.offices.keyChanged', { name: replace.officeName, old: replace.fingerprint, fresh: candidate.fingerprint })}{' '}
          <button type="button" className="danger" onClick={() => onAdd(true)} disabled={!compared}>
            {t('bundles.offices.replaceYes')}
          </button>
        </Notice>
      ) : (
        <button type="button" className="primary" onClick={() => onAdd(false)} disabled={!compared || !canAdd}>
          {t('bundles.offices.add')}
        </button>
      )}
    </div>
  );
}

function OwnOfficeFacts({ name, code, fingerprint }: { name: string; code: string; fingerprint: string | null }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('bundles.import.office')}</dt>
      <dd>
        {name} <span className="mono">({code})</span>
      </dd>
      <dt>{t('bundles.import.fingerprint')}</dt>
      <dd className="mono fingerprint" data-testid="own-fingerprint">
        {fingerprint ?? t('app.loading')}
      </dd>
    </dl>
  );
}

/** This office's key pair (made on first use) and its fingerprint. */
function useOwnKeys(db: QamqorDb) {
  return useAsync(async () => {
    const keys = await ensureOfficeKeys(db);
    return { keys, fingerprint: await fingerprint(keys.publicKey) };
  }, [db]);
}
