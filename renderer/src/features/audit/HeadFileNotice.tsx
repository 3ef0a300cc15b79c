import { useTranslation } from 'react-i18next';
import { ok } from '@shared/result';
import { useCan } from '../../core/permissions';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { Notice } from '../../ui/Notice';
import { acceptCurrentHead, useHeadFileStatus } from './headFile';

/**
 * What the start-up comparison with the head kept outside IndexedDB found (issue 19): a cut trail is
 * shown as broken, naming the head it no longer reaches; an administrator may accept the current head
 * after looking into it (recorded in the trail).
 */
export function HeadFileNotice() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const mayAccept = useCan('office.edit');
  const { status, writeFailure } = useHeadFileStatus();
  const accept = useSubmit(async () => {
    if (ctx) await acceptCurrentHead(db, ctx, platform);
    return ok(null);
  });
  const where = t(platform.kind === 'electron' ? 'audit.headFile.whereFile' : 'audit.headFile.whereBrowser');
  const acceptButton =
    mayAccept && ctx ? (
      <button
        type="button"
        disabled={accept.busy}
        onClick={() => {
          if (window.confirm(t('audit.headFile.acceptConfirm'))) accept.run();
        }}
      >
        {t('audit.headFile.accept')}
      </button>
    ) : null;
  return (
    <div data-testid="audit-head-file">
      {status.kind === 'cut' ? (
        <Notice kind="error">
          <strong>{t('audit.headFile.cut')}</strong>{' '}
          {status.verdict.kind === 'cut'
            ? t('audit.headFile.shorter', { where, seq: status.head.seq, last: status.verdict.lastSeq ?? 0 })
            : t('audit.headFile.notContained', { where, seq: status.head.seq })}{' '}
          {status.signed ? null : t('audit.headFile.notSigned')} {acceptButton}
        </Notice>
      ) : null}
      {status.kind === 'unreadable' ? (
        <Notice kind="error">
          {t('audit.headFile.unreadable', { where, detail: status.detail })} {acceptButton}
        </Notice>
      ) : null}
      {status.kind === 'holds' ? (
        <p className="muted">
          {t(status.signed ? 'audit.headFile.holds' : 'audit.headFile.holdsUnsigned', { where, seq: status.head.seq })}
        </p>
      ) : null}
      {writeFailure ? (
        <Notice kind="warning">
          {writeFailure === 'disk-full'
            ? t('audit.headFile.writeDiskFull', { where })
            : t('audit.headFile.writeFailed', { where, detail: writeFailure })}
        </Notice>
      ) : null}
      {accept.failure ? <Notice kind="error">{t('common.unexpected', { detail: accept.failure })}</Notice> : null}
    </div>
  );
}
