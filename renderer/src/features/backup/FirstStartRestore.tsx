/**
 * The first screen on an empty database (issue 14 A3): above the office setup form (its `children`),
 * offer to restore the whole office from a backup. Desktop: the backups kept in the backup folder, newest first (restore
 * the latest or choose one), or any backup file; browser: "restore from a backup file". The chosen
 * backup is unlocked with its passphrase, summarised (date, office, counts) and, on "Restore",
 * written back whole (restoreOffice.ts).
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleError, DecodedBundle } from '@shared/bundle';
import { useServices } from '../../core/services';
import type { BackupFileInfo } from '../../platform';
import { decodeBackup, sniffBackup } from './restore';
import { restoreWholeOffice, summarizeWholeOffice, type WholeRestoreError } from './restoreOffice';

const BACKUP_FILTERS = [{ name: 'Qamqor', extensions: ['qamqor'] }];

interface ChosenFile {
  fileName: string;
  bytes: Uint8Array;
}

function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'ru' ? 'ru-RU' : 'kk-KZ', { dateStyle: 'long', timeStyle: 'short' });
}

/** The backups in the desktop app's backup folder (none in the browser). */
function useKeptBackups(): BackupFileInfo[] {
  const { platform } = useServices();
  const [files, setFiles] = useState<BackupFileInfo[]>([]);
  useEffect(() => {
    if (platform.backupTarget !== 'folder') return;
    let live = true;
    platform.listBackups().then(
      (r) => {
        if (live && r.ok && r.value) setFiles(r.value.files);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [platform]);
  return files;
}

export function FirstStartRestore({ onRestored, children }: { onRestored: () => void; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const kept = useKeptBackups();
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function openKept(file: BackupFileInfo) {
    setError(null);
    const read = await platform.readBackup({ fileName: file.fileName });
    if (!read.ok) return setError(t(`backup.open.${read.error.code}`));
    setChosen({ fileName: read.value.fileName, bytes: read.value.data });
  }

  async function openFile() {
    setError(null);
    const opened = await platform.openFile({ filters: BACKUP_FILTERS });
    if (!opened.ok) {
      if (opened.error.code !== 'cancelled') setError(t(`backup.open.${opened.error.code}`));
      return;
    }
    setChosen({ fileName: opened.value.fileName, bytes: opened.value.data });
  }

  const failed = () => setError(t('backup.firstStart.readFailed'));
  if (chosen) return <UnlockAndRestore file={chosen} onBack={() => setChosen(null)} onRestored={onRestored} />;
  const latest = kept[0];
  return (
    <>
      <section className="card first-start" data-testid="first-start">
        <h2>{t('backup.firstStart.title')}</h2>
        <p>{t('backup.firstStart.intro')}</p>
        {latest && (
          <div data-testid="first-start-latest">
            <h3>{t('backup.firstStart.latest')}</h3>
            <p>
              {t('backup.firstStart.keptLine', {
                at: formatDate(latest.createdAt, i18n.language),
                office: latest.officeCode,
                file: latest.fileName,
              })}
            </p>
            <button type="button" onClick={() => void openKept(latest).catch(failed)}>
              {t('backup.firstStart.restoreLatest')}
            </button>
            {kept.length > 1 && (
              <ul className="first-start-kept">
                {kept.slice(1).map((f) => (
                  <li key={f.fileName}>
                    <button type="button" className="link" onClick={() => void openKept(f).catch(failed)}>
                      {t('backup.firstStart.keptLine', {
                        at: formatDate(f.createdAt, i18n.language),
                        office: f.officeCode,
                        file: f.fileName,
                      })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p>
          <button type="button" onClick={() => void openFile().catch(failed)} data-testid="first-start-open">
            {t('backup.firstStart.openFile')}
          </button>
        </p>
        {error && <p role="alert">{error}</p>}
      </section>
      {children}
    </>
  );
}

type Stage =
  | { kind: 'passphrase'; wrong: boolean }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'refused'; code: BundleError['code'] | 'not-a-backup' | WholeRestoreError['code'] }
  | { kind: 'summary'; decoded: DecodedBundle }
  | { kind: 'writing' };

function UnlockAndRestore({ file, onBack, onRestored }: { file: ChosenFile; onBack: () => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [stage, setStage] = useState<Stage>(
    sniffBackup(file.bytes) === 'encrypted' ? { kind: 'passphrase', wrong: false } : { kind: 'refused', code: 'not-a-backup' },
  );
  const [passphrase, setPassphrase] = useState('');

  async function unlock(e: FormEvent) {
    e.preventDefault();
    setStage({ kind: 'reading', done: 0, total: 0 });
    try {
      const decoded = await decodeBackup(db, file.bytes, passphrase, (done, total) => setStage({ kind: 'reading', done, total }));
      if (!decoded.ok) {
        const code = decoded.error.code;
        return setStage(
          code === 'wrong-passphrase' || code === 'passphrase-required' ? { kind: 'passphrase', wrong: true } : { kind: 'refused', code },
        );
      }
      if (Object.keys(decoded.value.officeTables).length === 0) return setStage({ kind: 'refused', code: 'not-whole' });
      setStage({ kind: 'summary', decoded: decoded.value });
    } catch {
      setStage({ kind: 'refused', code: 'corrupt' });
    }
  }

  async function restore(decoded: DecodedBundle) {
    setStage({ kind: 'writing' });
    const done = await restoreWholeOffice(db, decoded, file.fileName, t('backup.firstStart.restoredBy')).catch(
      (): { ok: false; error: WholeRestoreError } => ({ ok: false, error: { code: 'failed', detail: '' } }),
    );
    if (done.ok) onRestored();
    else setStage({ kind: 'refused', code: done.error.code });
  }

  return (
    <main className="splash first-start" data-testid="first-start-restore">
      <h1>{t('backup.restore.fileTitle', { fileName: file.fileName })}</h1>
      {stage.kind === 'passphrase' && (
        <form onSubmit={(e) => void unlock(e)}>
          <p>{t('backup.restore.passphraseText')}</p>
          <label>
            {t('backup.restore.passphrase')}
            <input type="password" name="passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus />
          </label>
          {stage.wrong && <p role="alert">{t('backup.decodeErrors.wrong-passphrase')}</p>}
          <button type="submit" disabled={passphrase === ''}>
            {t('backup.restore.unlock')}
          </button>
        </form>
      )}
      {stage.kind === 'reading' && (
        <p>
          {t('backup.restore.reading')} <progress max={stage.total || undefined} value={stage.total ? stage.done : undefined} />
        </p>
      )}
      {stage.kind === 'refused' && (
        <p role="alert">
          {stage.code === 'quota'
            ? t('errors.quota')
            : stage.code === 'not-whole' || stage.code === 'not-empty' || stage.code === 'failed' || stage.code === 'audit-head'
              ? t(`backup.firstStart.errors.${stage.code}`)
              : t(`backup.decodeErrors.${stage.code}`)}
        </p>
      )}
      {stage.kind === 'summary' && <WholeOfficeSummaryCard decoded={stage.decoded} onRestore={() => void restore(stage.decoded)} />}
      {stage.kind === 'writing' && <p>{t('backup.firstStart.writing')}</p>}
      {stage.kind !== 'writing' && (
        <button type="button" onClick={onBack}>
          {t('backup.firstStart.back')}
        </button>
      )}
    </main>
  );
}

function WholeOfficeSummaryCard({ decoded, onRestore }: { decoded: DecodedBundle; onRestore: () => void }) {
  const { t, i18n } = useTranslation();
  const s = summarizeWholeOffice(decoded);
  return (
    <section className="card" data-testid="first-start-summary">
      <dl>
        <dt>{t('backup.restore.madeAt')}</dt>
        <dd>{formatDate(s.createdAt, i18n.language)}</dd>
        <dt>{t('backup.restore.office')}</dt>
        <dd>
          {s.office.name} ({s.office.code})
        </dd>
        <dt>{t('backup.restore.madeBy')}</dt>
        <dd>{s.officer}</dd>
        <dt>{t('backup.firstStart.counts')}</dt>
        <dd data-testid="first-start-counts">
          {t('backup.firstStart.countsLine', { records: s.records, files: s.files, officers: s.officers, audit: s.auditEntries })}
        </dd>
      </dl>
      <p>{t('backup.firstStart.explain')}</p>
      <button type="button" onClick={onRestore} data-testid="first-start-apply">
        {t('backup.restore.apply')}
      </button>
    </section>
  );
}
