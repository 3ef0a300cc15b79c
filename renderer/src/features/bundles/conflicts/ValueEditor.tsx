import { useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate, isIsoTimestamp } from '@shared/records/schemas';
import { formatDate } from '../../../ui/format';
import { enumOptions, enumText, fieldLabel, isPlainObject, isRecordId, scalarText } from './describe';
import { NamesContext } from './ValueView';

type Path = readonly (string | number)[];

interface EditorProps {
  table: string;
  path: Path;
  value: unknown;
  onChange: (value: unknown) => void;
}

/**
 * An officer's own value for a field, as a small form shaped like the value: a text box, a date as
 * DD.MM.YYYY, a choice from the field's translated values, a yes/no box; a nested part as a group of
 * these. Ids, timestamps and absent parts are shown, not typed (they are facts of the record).
 */
export function ValueEditor({ table, path, value, onChange }: EditorProps) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  const label = fieldLabel(t, exists, table, path);
  if (isPlainObject(value)) {
    return (
      <fieldset className="value-editor">
        <legend>{label}</legend>
        {Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([name, part]) => (
            <ValueEditor
              key={name}
              table={table}
              path={[...path, name]}
              value={part}
              onChange={(next) => onChange({ ...value, [name]: next })}
            />
          ))}
      </fieldset>
    );
  }
  return <ScalarEditor table={table} path={path} value={value} onChange={onChange} label={label} />;
}

function ScalarEditor({ table, path, value, onChange, label }: EditorProps & { label: string }) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  const names = useContext(NamesContext);
  const id = useId();
  const options = enumOptions(table, path);
  const fixed = value === null || isRecordId(value) || (typeof value === 'string' && isIsoTimestamp(value));
  if (fixed) {
    return (
      <div className="value-editor__fixed">
        <span className="muted">{label}: </span>
        {scalarText(t, exists, names, table, path, value)}
      </div>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <label className="checkbox">
        <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
    );
  }
  let control;
  if (options.length > 0 && typeof value === 'string') {
    control = (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {enumText(t, exists, table, path, o) ?? o}
          </option>
        ))}
      </select>
    );
  } else if (typeof value === 'number') {
    control = <input id={id} type="number" value={value} onChange={(e) => onChange(Number(e.target.value))} />;
  } else if (typeof value === 'string' && isCalendarDate(value)) {
    control = <DateText id={id} value={value} onChange={onChange} />;
  } else {
    const text = typeof value === 'string' ? value : '';
    control =
      text.length > 80 || text.includes('\n') ? (
        <textarea id={id} value={text} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={text} onChange={(e) => onChange(e.target.value)} />
      );
  }
  return (
    <div className="value-editor__field">
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
}

const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})$/u;

/**
 * A date typed as DD.MM.YYYY whatever the browser's locale (issue 16 point 6). A date that does not
 * parse is passed on as typed: the table's schema then refuses it with the date message.
 */
function DateText({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDate(value));
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      placeholder={t('bundles.conflicts.datePlaceholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const m = DOTTED.exec(e.target.value.trim());
        const iso = m ? `${m[3] ?? ''}-${m[2] ?? ''}-${m[1] ?? ''}` : e.target.value;
        onChange(iso);
      }}
    />
  );
}
