import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprint } from '@shared/bundle';
import { toBase64 } from '@shared/bundle/bytes';
import { officeKeyFileText, parseOfficeKeyFile, type OfficeKeyFile } from '@shared/bundle/specs';
import { useServices } from '../../core/services';
import type { QamqorDb } from '../../db/database';
import { useAppStore, useWriteContext } from '../../core/store';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { BundlesNav, formatDateTime } from './common';
import { addKnownOffice, ensureOfficeKeys, listKnownOffices, removeKnownOffice, type KnownOfficeEntry } from './repository';

const KEY_FILTERS = [{ name: 'Qamqor office key', extensions: ['json'] }];

type Candidate = OfficeKeyFile & { publicKeyBytes: Uint8Array; fingerprint: string };

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
  const [pasted, setPasted] = useState('');
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [compared, setCompared] = useState(false);
  const [replace, setReplace] = useState<KnownOfficeEntry | null>(null);
  const [removing, setRemoving] = useState<KnownOfficeEntry | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'warning'; text: string } | null>(null);

  async function saveOwnKey() {
    if (!office || own.status !== 'done') return;
    const text = officeKeyFileText({
      officeId: office.officeId,
      officeCode: office.officeCode,
      officeName: office.officeName,
      publicKey: toBase64(own.value.keys.publicKey),
    });
    const saved = await platform.saveFile({
      suggestedName: `${office.officeCode}-office-key.json`,
      filters: KEY_FILTERS,
      data: new TextEncoder().encode(text),
    });
    if (saved.ok) setMessage({ kind: 'success', text: t('bundles.offices.keySaved', { fileName: saved.value.fileName }) });
    else if (saved.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`platform.${saved.error.code}`) });
  }

  async function read(text: string) {
    setCandidate(null);
    setCompared(false);
    setReplace(null);
    const parsed = parseOfficeKeyFile(text);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: t(`bundles.offices.fileErrors.${parsed.error}`) });
      return;
    }
    setMessage(null);
    setCandidate({ ...parsed.value, fingerprint: await fingerprint(parsed.value.publicKeyBytes) });
  }

  async function openKeyFile() {
    const opened = await platform.openFile({ filters: KEY_FILTERS });
    if (!opened.ok) {
      if (opened.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`platform.${opened.error.code}`) });
      return;
    }
    await read(new TextDecoder().decode(opened.value.data));
  }

  async function add(replacing: boolean) {
    if (!ctx || !candidate) return;
    const added = await addKnownOffice(
      db,
      ctx,
      {
        officeId: candidate.officeId,
        officeCode: candidate.officeCode,
        officeName: candidate.officeName,
        publicKey: candidate.publicKeyBytes,
      },
      { replace: replacing },
    );
    if (added.ok) {
      setMessage({ kind: 'success', text: t('bundles.offices.added', { name: candidate.officeName }) });
      setCandidate(null);
      setPasted('');
      setReplace(null);
      setVersion((v) => v + 1);
    } else if (added.error.code === 'key-changed') {
      setReplace(added.error.entry);
    } else {
      setMessage({
        kind: added.error.code === 'already-known' ? 'warning' : 'error',
        text: t(`bundles.offices.errors.${added.error.code}`),
      });
    }
  }

  async function remove(entry: KnownOfficeEntry) {
    if (!ctx) return;
    await removeKnownOffice(db, ctx, entry.officeId);
    setRemoving(null);
    setMessage({ kind: 'success', text: t('bundles.offices.removed', { name: entry.officeName }) });
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="bundles-offices-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-offices-title">{t('bundles.offices.title')}</h1>
      </header>
      <BundlesNav current="offices" />
      <p className="muted">{t('bundles.offices.intro')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}

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
        <button type="button" onClick={() => void saveOwnKey()} disabled={own.status !== 'done'}>
          {t('bundles.offices.saveKey')}
        </button>
      </div>

      <h2>{t('bundles.offices.list')}</h2>
      {list.status === 'done' && list.value.length === 0 ? <div className="empty">{t('bundles.offices.empty')}</div> : null}
      {list.status === 'done' && list.value.length > 0 ? (
        <KnownOfficesTable
          offices={list.value}
          removing={removing}
          canRemove={ctx !== null}
          onAsk={setRemoving}
          onRemove={(e) => void remove(e)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}

      <div className="card">
        <h2>{t('bundles.offices.addTitle')}</h2>
        <p className="muted">{t('bundles.offices.addIntro')}</p>
        <div className="actions">
          <button type="button" onClick={() => void openKeyFile()}>
            {t('bundles.offices.openKey')}
          </button>
        </div>
        <div className="field">
          <label htmlFor="office-key-text">{t('bundles.offices.paste')}</label>
          <textarea id="office-key-text" rows={6} className="mono" value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </div>
        <button type="button" onClick={() => void read(pasted)} disabled={pasted.trim() === ''}>
          {t('bundles.offices.check')}
        </button>
        {candidate ? (
          <CandidateOffice
            candidate={candidate}
            replace={replace}
            compared={compared}
            canAdd={ctx !== null}
            onCompared={setCompared}
            onAdd={(replacing) => void add(replacing)}
          />
        ) : null}
      </div>
    </section>
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
