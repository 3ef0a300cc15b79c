import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAnchor } from '@shared/audit';
import { ok } from '@shared/result';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { anchorFromSignedHead, exportAuditTrail, signedHeadIn } from '../../db/repositories/audit';
import { Notice } from '../../ui/Notice';

const JSON_FILTERS = [{ name: 'JSON', extensions: ['json'] }];

/** Saves the whole trail with its signed head (a disclosure: recorded in the trail first). */
export function TrailExportButton() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSubmit(
    async () => {
      if (!ctx) return ok(null);
      const { text } = await exportAuditTrail(db, ctx);
      const day = new Date().toISOString().slice(0, 10);
      const r = await platform.saveFile({
        suggestedName: `qamqor-audit-trail-${day}.json`,
        filters: JSON_FILTERS,
        data: new TextEncoder().encode(text),
      });
      if (!r.ok && r.error.code !== 'cancelled') throw new Error(t(`platform.${r.error.code}`));
      return ok(r.ok ? r.value.fileName : null);
    },
    { onOk: (name) => setSaved(name) },
  );
  return (
    <>
      <button type="button" disabled={save.busy || !ctx} onClick={() => save.run()} data-testid="audit-export">
        {t('audit.export.button')}
      </button>
      {saved ? <Notice kind="success">{t('audit.export.saved', { file: saved })}</Notice> : null}
      {save.failure ? <Notice kind="error">{t('common.unexpected', { detail: save.failure })}</Notice> : null}
    </>
  );
}

/** A head kept outside the database (a head file, an exported trail) to verify the chain against. */
export function AnchorPicker({ anchors, onAdd }: { anchors: readonly AuditAnchor[]; onAdd(a: AuditAnchor): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [rejected, setRejected] = useState(false);
  const pick = useSubmit(async (file: File) => {
    const json: unknown = JSON.parse(await file.text());
    const anchor = await anchorFromSignedHead(db, signedHeadIn(json), file.name);
    setRejected(anchor === null);
    if (anchor) onAdd(anchor);
    return ok(anchor);
  });
  return (
    <div className="audit-anchors">
      <label>
        {t('audit.verify.anchorFile')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="audit-anchor-file"
          disabled={pick.busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) pick.run(file);
            e.target.value = '';
          }}
        />
      </label>
      {anchors.map((a) => (
        <p key={`${a.source}/${a.seq}`} className="muted">
          {t('audit.verify.anchorAdded', { seq: a.seq, source: a.source })}
        </p>
      ))}
      {rejected ? <Notice kind="warning">{t('audit.verify.anchorRejected')}</Notice> : null}
      {pick.failure ? <Notice kind="error">{t('common.unexpected', { detail: pick.failure })}</Notice> : null}
    </div>
  );
}
