import { useTranslation } from 'react-i18next';
import { isKeptField, type FieldDiff } from '@shared/bundle/specs';
import type { ListMerge } from '@shared/records/merge';
import { fieldLabel, isEditable } from './describe';
import { ValueEditor } from './ValueEditor';
import { entryKey, ValueView } from './ValueView';

/** Where a field's value comes from: one copy, both lists merged entry by entry, or the officer's own value. */
export type Pick = 'local' | 'incoming' | 'merged' | 'edited';

interface FieldRowProps {
  table: string;
  diff: FieldDiff;
  /** For list-like fields: both copies merged entry by entry (shared/records/merge). */
  merge: ListMerge | undefined;
  pick: Pick | undefined;
  edit: unknown;
  closed: boolean;
  onChoose: (pick: Pick) => void;
  onEdit: (value: unknown) => void;
}

const keysOf = (value: unknown): ReadonlySet<string> | undefined => (Array.isArray(value) ? new Set(value.map(entryKey)) : undefined);

/** One differing field: both copies side by side as the officer reads them, and the choice. */
export function FieldRow({ table, diff, merge, pick, edit, closed, onChoose, onEdit }: FieldRowProps) {
  const { t, i18n } = useTranslation();
  const label = fieldLabel(t, (k) => i18n.exists(k), table, [diff.field]);
  const editable = isEditable(diff.local) && isEditable(diff.incoming);
  const picks: Pick[] = [...(merge ? (['merged'] as const) : []), 'local', 'incoming', ...(editable ? (['edited'] as const) : [])];
  return (
    <tr className="differs" data-field={diff.field}>
      <th scope="row">{label}</th>
      <td className={pick === 'local' ? 'chosen' : ''}>
        <ValueView table={table} path={[diff.field]} value={diff.local} others={keysOf(diff.incoming)} />
      </td>
      <td className={pick === 'incoming' ? 'chosen' : ''}>
        <ValueView table={table} path={[diff.field]} value={diff.incoming} others={keysOf(diff.local)} />
      </td>
      <td>
        {isKeptField(diff.field) ? (
          <p className="muted small">{t('bundles.conflicts.voidingKept')}</p>
        ) : (
          <fieldset className="choice" disabled={closed}>
            <legend className="visually-hidden">{label}</legend>
            {picks.map((p) => (
              <label key={p} className="checkbox">
                <input type="radio" name={`pick-${diff.field}`} value={p} checked={pick === p} onChange={() => onChoose(p)} />
                {t(`bundles.conflicts.pick.${p}`)}
              </label>
            ))}
            {merge && pick === 'merged' ? (
              <div className="merged" data-testid={`merged-${diff.field}`}>
                <p className="muted small">
                  {t('bundles.conflicts.mergedCounts', { shared: merge.shared, local: merge.onlyLocal, incoming: merge.onlyIncoming })}
                </p>
                {merge.clashes.length > 0 ? (
                  <p className="field__error">{t('bundles.conflicts.mergedClashes', { count: merge.clashes.length })}</p>
                ) : null}
                <ValueView table={table} path={[diff.field]} value={merge.value} />
              </div>
            ) : null}
            {pick === 'edited' ? <ValueEditor table={table} path={[diff.field]} value={edit} onChange={onEdit} /> : null}
          </fieldset>
        )}
      </td>
    </tr>
  );
}
