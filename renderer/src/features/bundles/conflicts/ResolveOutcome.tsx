import { useTranslation } from 'react-i18next';
import { Notice } from '../../../ui/Notice';
import { reasonText } from '../common';
import { fieldLabel } from './describe';

export type Outcome =
  | { kind: 'done' }
  | { kind: 'changed' }
  | { kind: 'closed' }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'error'; text: string }
  | null;

/** What saving the choices came to: refused lines, a changed or closed conflict, or another failure. */
export function ResolveOutcome({ table, outcome, onReload }: { table: string; outcome: Outcome; onReload: () => void }) {
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
              const at = line.indexOf(': ');
              const path =
                at > 0
                  ? line
                      .slice(0, at)
                      .split('.')
                      .map((p) => (/^\d+$/u.test(p) ? Number(p) : p))
                  : [];
              return (
                <li key={line}>
                  {path.length > 0 ? `${fieldLabel(t, exists, table, path)}: ` : ''}
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
