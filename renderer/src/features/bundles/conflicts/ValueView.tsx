import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, isPlainObject, scalarText, type Names } from './describe';

/** The names of the records and codes both copies mention, loaded once per conflict. */
export const NamesContext = createContext<Names>({ records: new Map(), codes: new Map() });

/** Deeper than this a value is summarised (a wheelchair check's computed result), never dumped. */
const MAX_DEPTH = 3;

type Path = readonly (string | number)[];

/**
 * A stored value as an officer reads it: a date, a translated choice, yes/no, a name instead of an
 * id; a nested part as labelled lines; a list entry by entry. Never JSON.
 */
export function ValueView({ table, path, value, others }: { table: string; path: Path; value: unknown; others?: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  const names = useContext(NamesContext);
  const exists = (k: string) => i18n.exists(k);
  const depth = path.length;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{t('bundles.conflicts.noEntries')}</span>;
    if (depth >= MAX_DEPTH) return <span>{t('bundles.conflicts.entries', { count: value.length })}</span>;
    return (
      <ol className="value-list">
        {(value as unknown[]).map((entry, index) => {
          const key = entryKey(entry);
          const only = others !== undefined && !others.has(key);
          return (
            <li key={`${key}#${index}`} className={only ? 'only-here' : undefined}>
              <ValueView table={table} path={[...path, index]} value={entry} />
              {only ? <span className="badge warning">{t('bundles.conflicts.onlyHere')}</span> : null}
            </li>
          );
        })}
      </ol>
    );
  }
  if (isPlainObject(value)) {
    const parts = Object.entries(value).filter(([, v]) => v !== undefined);
    if (parts.length === 0) return <span className="muted">{t('bundles.conflicts.none')}</span>;
    if (depth >= MAX_DEPTH) return <span>{t('bundles.conflicts.entries', { count: parts.length })}</span>;
    return (
      <dl className="value-fields">
        {parts.map(([name, part]) => (
          <div key={name}>
            <dt>{fieldLabel(t, exists, table, [...path, name])}</dt>
            <dd>
              <ValueView table={table} path={[...path, name]} value={part} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span className="value">{scalarText(t, exists, names, table, path, value)}</span>;
}

/** A stable identity of a list entry, for marking the entries the other copy lacks. */
export function entryKey(entry: unknown): string {
  const scalar = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
  if (isPlainObject(entry)) {
    const id = entry['id'];
    if (typeof id === 'string') return id;
    return Object.keys(entry)
      .sort()
      .map((k) => `${k}=${scalar(entry[k])}`)
      .join('|');
  }
  return scalar(entry);
}
