import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intake, IntakeScan } from '@shared/intake';
import { ok, type Result } from '@shared/result';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { recordDisclosure } from '../../db/repositories/audit';
import type { WriteError } from '../../db/write';
import { Notice } from '../../ui/Notice';
import { attachScan, SCAN_ACCEPT, SCAN_MAX_BYTES, scansOf, type ScanWriteExtra } from './repository';

const sizeText = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/** Scans of the card pages attached to the intake (documents table, with their SHA-256 digest). */
export function Scans({ intake }: { intake: Intake }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const scans = useLiveData(() => scansOf(db, intake.id), [db, intake.id]);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const errorText = (e: WriteError<ScanWriteExtra>): string => {
    switch (e.code) {
      case 'too-large':
        return t('intake.scans.tooLarge', { max: sizeText(e.maxBytes) });
      case 'type':
        return t('intake.scans.type');
      case 'duplicate':
        return t('intake.scans.duplicate', { file: e.fileName });
      case 'empty':
        return t('intake.scans.empty');
      case 'not-found':
        return t('intake.notFound');
      case 'forbidden':
        return t('officers.adminOnly');
      case 'invalid':
        return t('common.fixErrors');
    }
  };

  /** Every file in turn; a refused one is named with its reason, the others are still stored. */
  async function uploadAll(c: WriteContext, files: File[]): Promise<Result<{ done: string[]; failed: string[] }, never>> {
    const done: string[] = [];
    const failed: string[] = [];
    for (const file of files) {
      const r = await attachScan(db, c, intake.id, { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (r.ok) done.push(file.name);
      else failed.push(`${file.name}: ${errorText(r.error)}`);
    }
    return ok({ done, failed });
  }
  const upload = useSubmit(uploadAll, {
    onOk: ({ done, failed }) => {
      if (failed.length > 0) setMessage({ kind: 'error', text: failed.join(' ') });
      else setMessage({ kind: 'success', text: t('intake.scans.added', { files: done.join(', ') }) });
      if (input.current) input.current.value = '';
    },
  });
  const download = useSubmit(saveScan, {
    onRefused: (code) => setMessage({ kind: 'error', text: t(`platform.${code}`) }),
  });

  async function saveScan(scan: IntakeScan): Promise<Result<null, string>> {
    const data = new Uint8Array(await scan.blob.arrayBuffer());
    const ext = scan.fileName.includes('.') ? scan.fileName.slice(scan.fileName.lastIndexOf('.') + 1) : 'bin';
    const r = await platform.saveFile({ suggestedName: scan.fileName, filters: [{ name: scan.mimeType, extensions: [ext] }], data });
    // A saved scan is a personal document leaving the database: recorded like any disclosure (issue 19).
    if (r.ok && ctx)
      await recordDisclosure(db, ctx, { form: 'intake-scan', medium: 'file', table: 'documents', recordIds: [scan.id], count: 1 });
    return r.ok || r.error.code === 'cancelled' ? ok(null) : { ok: false, error: r.error.code };
  }

  return (
    <section className="card" aria-labelledby="intake-scans-title" data-testid="intake-scans">
      <h2 id="intake-scans-title">{t('intake.scans.title')}</h2>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {(upload.failure ?? download.failure) ? (
        <Notice kind="error">{t('common.unexpected', { detail: upload.failure ?? download.failure })}</Notice>
      ) : null}
      {scans.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: scans.error })}</Notice> : null}
      <div className="field">
        <label htmlFor="intake-scan-input">{t('intake.scans.add')}</label>
        <input
          ref={input}
          id="intake-scan-input"
          type="file"
          name="scans"
          accept={SCAN_ACCEPT}
          multiple
          disabled={upload.busy || !ctx}
          onChange={(e) => {
            setMessage(null);
            if (ctx && e.target.files && e.target.files.length > 0) upload.run(ctx, Array.from(e.target.files));
          }}
          aria-describedby="intake-scan-hint"
        />
        <div className="field__hint" id="intake-scan-hint">
          {t('intake.scans.hint', { max: sizeText(SCAN_MAX_BYTES) })}
        </div>
      </div>
      {scans.status === 'done' && scans.value.length === 0 ? <div className="empty">{t('intake.scans.none')}</div> : null}
      {scans.status === 'done' && scans.value.length > 0 ? (
        <table className="grid compact" data-testid="scans-table">
          <thead>
            <tr>
              <th scope="col">{t('intake.scans.file')}</th>
              <th scope="col">{t('intake.scans.size')}</th>
              <th scope="col">{t('intake.scans.digest')}</th>
              <th scope="col">{t('intake.scans.by')}</th>
              <th scope="col">
                <span className="intake-sr-only">{t('intake.scans.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scans.value.map((s) => (
              <tr key={s.id}>
                <td>{s.fileName}</td>
                <td>{sizeText(s.size)}</td>
                <td className="mono intake-digest" title={s.digest}>
                  {s.digest.slice(0, 16)}…
                </td>
                <td>{s.createdBy}</td>
                <td>
                  <button type="button" className="link" disabled={download.busy} onClick={() => download.run(s)}>
                    {t('intake.scans.download')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
