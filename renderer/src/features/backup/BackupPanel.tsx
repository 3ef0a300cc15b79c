import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INTERVAL_HOURS, MAX_KEEP, MIN_INTERVAL_HOURS, MIN_KEEP, type BackupSettings } from '@shared/backup';
import { can } from '@shared/officers';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import type { BackupFileInfo } from '../../platform';
import { ProgressBar, exportInWorker, formatDateTime } from '../bundles';
import type { BackupError } from './makeBackup';
import { BACKUP_SETTINGS_PERMISSION, saveBackupSettings } from './repository';
import { RESTORE_PERMISSION } from './restore';
import { RestoreFlow, type RestoreFile } from './RestoreFlow';
import { backupSettingsChanged, readSchedule, runBackup, useBackupStore, type BackupSchedule } from './store';

const BACKUP_FILTERS = [{ name: 'Qamqor', extensions: ['qamqor'] }];

/** A file size in kilobytes below 1 MB, else in megabytes with one decimal, in the UI language. */
function useMegabytes(): (bytes: number) => string {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'kk-KZ', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return (bytes) =>
    bytes < 1024 * 1024
      ? t('backup.kilobytes', { value: Math.max(1, Math.round(bytes / 1024)) })
      : t('backup.megabytes', { value: format.format(bytes / (1024 * 1024)) });
}

export function errorText(
  t: ReturnType<typeof useTranslation>['t'],
  error: Pick<BackupError, 'code' | 'space'>,
  mb: (bytes: number) => string,
): string {
  if (error.code === 'disk-full' && error.space)
    return t('backup.errors.disk-full-space', { free: mb(error.space.free), required: mb(error.space.required) });
  return t(`backup.errors.${error.code}`);
}

/**
 * Backups in Settings (issue 8): state of the last backup and "back up now" for every officer; the
 * passphrase, interval and number kept for an administrator; restore from a kept backup or a file.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const focusRequest = useBackupStore((s) => s.focusRequest);
  const section = useRef<HTMLElement>(null);
  const schedule = useLiveData(() => readSchedule(db, new Date().toISOString()), [db]);
  const [restoreFile, setRestoreFile] = useState<RestoreFile | null>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    section.current?.scrollIntoView({ block: 'start' });
    section.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [focusRequest]);

  return (
    <section id="backup-panel" className="backup-panel" aria-labelledby="backup-title" ref={section} data-testid="backup-panel">
      <h2 id="backup-title" tabIndex={-1}>
        {t('backup.title')}
      </h2>
      {schedule.status === 'error' ? <Notice kind="error">{t('backup.errors.unexpected')}</Notice> : null}
      {schedule.status === 'done' ? (
        <>
          <StatusCard schedule={schedule.value} />
          <SettingsCard settings={schedule.value.settings} />
          <RestoreCard restoreFile={restoreFile} onRestore={setRestoreFile} target={platform.backupTarget} />
        </>
      ) : null}
    </section>
  );
}

function StatusCard({ schedule }: { schedule: BackupSchedule }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const running = useBackupStore((s) => s.running);
  const mb = useMegabytes();
  const [message, setMessage] = useState<{ kind: 'success' | 'warning' | 'error'; text: string } | null>(null);
  /** Cancels the manual backup while it reads and packs (issue 14 B7): nothing is written or recorded. */
  const cancelRef = useRef<AbortController | null>(null);
  useEffect(() => () => cancelRef.current?.abort(), []);
  const { settings, decision } = schedule;
  const last = settings.last;
  const folder = platform.backupTarget === 'folder';

  const backUp = useSubmit((input: Parameters<typeof runBackup>[0]) => runBackup(input, 'manual'), {
    onOk: (made) => {
      const parts = [t(folder ? 'backup.now.savedFolder' : 'backup.now.savedDownload', { fileName: made.fileName, size: mb(made.size) })];
      if (made.deleted.length > 0) parts.push(t('backup.now.deleted', { n: made.deleted.length }));
      if (made.shrunk.length > 0)
        return setMessage({ kind: 'warning', text: [...parts, t('backup.now.shrunk', { tables: made.shrunk.join(', ') })].join(' ') });
      setMessage({ kind: 'success', text: parts.join(' ') });
    },
    onRefused: (error) => setMessage({ kind: error.code === 'empty' ? 'warning' : 'error', text: errorText(t, error, mb) }),
  });

  function backUpNow() {
    if (!ctx || !office) return;
    setMessage(null);
    const controller = new AbortController();
    cancelRef.current = controller;
    backUp.run({ db, platform, ctx, office, exporter: exportInWorker(db, controller.signal) });
  }

  const overdue = decision.due && settings.passphrase !== null;
  return (
    <div className="card" data-testid="backup-status">
      <p>{t(folder ? 'backup.introFolder' : 'backup.introDownload', { keep: settings.keep })}</p>
      <dl className="facts">
        <dt>{t('backup.last')}</dt>
        <dd data-testid="backup-last">
          {last ? (
            <>
              {formatDateTime(last.at)} — <span className="mono">{last.fileName}</span> ({mb(last.size)}), {last.officer},{' '}
              {t(`backup.reasons.${last.reason}`)}
            </>
          ) : (
            t('backup.never')
          )}
          {overdue ? (
            <span className="badge warning" data-testid="backup-overdue">
              {t('backup.overdue')}
            </span>
          ) : null}
        </dd>
        <dt>{t('backup.next')}</dt>
        <dd>
          {settings.passphrase === null
            ? t('backup.nextNoPassphrase')
            : decision.due
              ? t(folder ? 'backup.nextNow' : 'backup.nextNowDownload')
              : decision.reason === 'unchanged'
                ? t('backup.nextUnchanged')
                : t(folder ? 'backup.nextAt' : 'backup.nextAtDownload', { at: formatDateTime(decision.nextAt) })}
        </dd>
      </dl>
      {overdue && !folder ? <Notice kind="warning">{t('backup.overdueDownload')}</Notice> : null}
      {settings.lastFailure ? (
        <Notice kind="error">
          <span data-testid="backup-last-failure">
            {t('backup.lastFailure', {
              at: formatDateTime(settings.lastFailure.at),
              reason: t(`backup.reasons.${settings.lastFailure.reason}`),
            })}{' '}
            {errorText(t, settings.lastFailure, mb)}
          </span>
        </Notice>
      ) : null}
      {message ? (
        <Notice kind={message.kind}>
          <span data-testid="backup-message">{message.text}</span>
        </Notice>
      ) : null}
      {backUp.failure ? <Notice kind="error">{backUp.failure}</Notice> : null}
      {running ? <ProgressBar label={t(`backup.running.${running.reason}`)} progress={running} /> : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={backUpNow}
          disabled={backUp.busy || running !== null || !ctx || settings.passphrase === null}
        >
          {t(folder ? 'backup.now.button' : 'backup.now.buttonDownload')}
        </button>
        {backUp.busy ? (
          <button type="button" onClick={() => cancelRef.current?.abort()} data-testid="backup-cancel">
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function SettingsCard({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const admin = ctx !== null && can(ctx.roles, BACKUP_SETTINGS_PERMISSION);
  const folder = platform.backupTarget === 'folder';
  const [form, setForm] = useState({
    passphrase: '',
    passphraseRepeat: '',
    intervalHours: String(settings.intervalHours),
    keep: String(settings.keep),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useSubmit((c: NonNullable<typeof ctx>) => saveBackupSettings(db, c, form), {
    onOk: (value) => {
      setErrors({});
      setForm({ passphrase: '', passphraseRepeat: '', intervalHours: String(value.intervalHours), keep: String(value.keep) });
      setSaved(true);
      backupSettingsChanged();
    },
    onRefused: (error) => setErrors(error.code === 'invalid' ? error.errors : { form: 'backup.settings.adminOnly' }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    setSaved(false);
    save.run(ctx);
  }

  const passphraseState =
    settings.passphrase === null
      ? t('backup.settings.passphraseMissing')
      : t('backup.settings.passphraseSet', {
          at: settings.passphraseSetAt ? formatDateTime(settings.passphraseSetAt) : '—',
          by: settings.passphraseSetBy ?? '—',
        });

  return (
    <div className="card" data-testid="backup-settings">
      <h3>{t('backup.settings.title')}</h3>
      <Notice kind="info">
        <span data-testid="backup-passphrase-note">{t('backup.settings.passphraseNote')}</span>
      </Notice>
      <dl className="facts">
        <dt>{t('backup.settings.passphraseLabel')}</dt>
        <dd data-testid="backup-passphrase-state">{passphraseState}</dd>
      </dl>
      {!admin ? (
        <>
          <dl className="facts">
            <dt>{t(folder ? 'backup.settings.interval' : 'backup.settings.intervalDownload')}</dt>
            <dd>{t('backup.settings.hours', { n: settings.intervalHours })}</dd>
            {folder ? (
              <>
                <dt>{t('backup.settings.keep')}</dt>
                <dd>{settings.keep}</dd>
              </>
            ) : null}
          </dl>
          <Notice kind="info">{t('backup.settings.adminOnly')}</Notice>
        </>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('backup.settings.title')}>
          {errors['form'] ? <Notice kind="error">{t(errors['form'])}</Notice> : null}
          <div className="form-grid">
            <Field
              label={t(settings.passphrase === null ? 'backup.settings.passphrase' : 'backup.settings.newPassphrase')}
              error={errors['passphrase']}
              hint={t('backup.settings.passphraseHint')}
              required={settings.passphrase === null}
            >
              {(p) => (
                <input
                  {...p}
                  name="backupPassphrase"
                  type="password"
                  autoComplete="new-password"
                  value={form.passphrase}
                  onChange={(e) => setForm({ ...form, passphrase: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('backup.settings.passphraseRepeat')} error={errors['passphraseRepeat']} required={settings.passphrase === null}>
              {(p) => (
                <input
                  {...p}
                  name="backupPassphraseRepeat"
                  type="password"
                  autoComplete="new-password"
                  value={form.passphraseRepeat}
                  onChange={(e) => setForm({ ...form, passphraseRepeat: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t(folder ? 'backup.settings.interval' : 'backup.settings.intervalDownload')}
              error={errors['intervalHours']}
              hint={t('backup.settings.intervalHint', { min: MIN_INTERVAL_HOURS, max: MAX_INTERVAL_HOURS })}
            >
              {(p) => (
                <input
                  {...p}
                  name="intervalHours"
                  type="number"
                  inputMode="numeric"
                  min={MIN_INTERVAL_HOURS}
                  max={MAX_INTERVAL_HOURS}
                  value={form.intervalHours}
                  onChange={(e) => setForm({ ...form, intervalHours: e.target.value })}
                />
              )}
            </Field>
            {folder ? (
              <Field
                label={t('backup.settings.keep')}
                error={errors['keep']}
                hint={t('backup.settings.keepHint', { min: MIN_KEEP, max: MAX_KEEP })}
              >
                {(p) => (
                  <input
                    {...p}
                    name="keep"
                    type="number"
                    inputMode="numeric"
                    min={MIN_KEEP}
                    max={MAX_KEEP}
                    value={form.keep}
                    onChange={(e) => setForm({ ...form, keep: e.target.value })}
                  />
                )}
              </Field>
            ) : null}
          </div>
          {saved ? <Notice kind="success">{t('backup.settings.saved')}</Notice> : null}
          {save.failure ? <Notice kind="error">{save.failure}</Notice> : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={save.busy}>
              {t('backup.settings.save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function RestoreCard({
  restoreFile,
  onRestore,
  target,
}: {
  restoreFile: RestoreFile | null;
  onRestore: (file: RestoreFile | null) => void;
  target: 'folder' | 'download';
}) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const ctx = useWriteContext();
  const version = useBackupStore((s) => s.version);
  const mb = useMegabytes();
  const allowed = ctx !== null && can(ctx.roles, RESTORE_PERMISSION);
  const listing = useAsync(() => platform.listBackups(), [platform, version]);
  const [error, setError] = useState<string | null>(null);

  // A file chosen in the open dialog (null) or one of the kept backups.
  const opening = useSubmit(
    (kept: BackupFileInfo | null) =>
      kept ? platform.readBackup({ fileName: kept.fileName }) : platform.openFile({ filters: BACKUP_FILTERS }),
    {
      onOk: (opened) => onRestore({ fileName: opened.fileName, bytes: opened.data }),
      onRefused: (e) => setError(e.code === 'cancelled' ? null : t(`backup.open.${e.code}`)),
    },
  );
  const open = (kept: BackupFileInfo | null) => {
    setError(null);
    opening.run(kept);
  };

  const files = listing.status === 'done' && listing.value.ok && listing.value.value ? listing.value.value.files : [];
  const folder = listing.status === 'done' && listing.value.ok && listing.value.value ? listing.value.value.folder : null;
  return (
    <div className="card" data-testid="backup-restore">
      <h3>{t('backup.restore.title')}</h3>
      <p>{t('backup.restore.intro')}</p>
      {!allowed ? <Notice kind="info">{t('backup.restore.adminOnly')}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {opening.failure ? <Notice kind="error">{t('common.unexpected', { detail: opening.failure })}</Notice> : null}
      {target === 'folder' ? (
        <>
          {folder ? (
            <p className="muted">
              {t('backup.restore.folder')} <span className="mono">{folder}</span>
            </p>
          ) : null}
          {listing.status === 'done' && !listing.value.ok ? (
            <Notice kind="error">{t(`backup.open.${listing.value.error.code}`)}</Notice>
          ) : null}
          {files.length === 0 ? (
            <div className="empty">{t('backup.restore.noKept')}</div>
          ) : (
            <table className="grid compact" data-testid="backup-kept">
              <caption>{t('backup.restore.kept', { n: files.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('backup.restore.madeAt')}</th>
                  <th scope="col">{t('backup.restore.file')}</th>
                  <th scope="col">{t('backup.restore.size')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('backup.restore.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {files.map((f) => (
                  <tr key={f.fileName}>
                    <td>{formatDateTime(f.createdAt)}</td>
                    <td className="mono">{f.fileName}</td>
                    <td>{mb(f.size)}</td>
                    <td>
                      <button
                        type="button"
                        disabled={!allowed || restoreFile !== null || opening.busy}
                        onClick={() => open(f)}
                        aria-label={t('backup.restore.fromKept', { at: formatDateTime(f.createdAt) })}
                      >
                        {t('backup.restore.choose')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => open(null)} disabled={!allowed || restoreFile !== null || opening.busy}>
          {t('backup.restore.openFile')}
        </button>
      </div>
      {restoreFile ? (
        <RestoreFlow key={`${restoreFile.fileName}:${restoreFile.bytes.byteLength}`} file={restoreFile} onClose={() => onRestore(null)} />
      ) : null}
    </div>
  );
}
