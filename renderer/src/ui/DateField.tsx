import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateFieldCalendar } from './DateFieldCalendar';
import { isoToTyped, parseTypedDate, typedToIso } from './dateInput';
import { todayIso } from './format';
import './dateField.css';

export interface DateFieldProps {
  /** The date as ISO `YYYY-MM-DD`, or '' (the same value a native `<input type="date">` holds). */
  value: string;
  /** Called with the ISO date, or '' while the typed text is empty, incomplete or impossible. */
  onChange(iso: string): void;
  name?: string;
  /** From `Field`'s render props: the label's target, the field's error and hint. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  /** A name for a field with no visible label. */
  'aria-label'?: string;
  required?: boolean;
  disabled?: boolean;
  /** The day the calendar opens on when the field is empty (today by default). */
  openOn?: string;
}

/**
 * A date field that reads and writes DD.MM.YYYY whatever the browser's or the system's locale
 * (issue 16 point 6): the officer types DD.MM.YYYY (also D.M.YYYY or DDMMYYYY, or pastes an ISO
 * YYYY-MM-DD), or picks the day in a small kk/ru calendar; the form receives ISO `YYYY-MM-DD`.
 * An impossible date (31.02.2026) is marked invalid with a kk/ru message as soon as it is complete.
 */
export function DateField({ value, onChange, name, id, required, disabled, openOn, ...aria }: DateFieldProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? ownId;
  const [text, setText] = useState(() => isoToTyped(value));
  const [shownValue, setShownValue] = useState(value);
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  // A value set from outside (a reset, a loaded record, a picked day) replaces what is on screen.
  if (value !== shownValue) {
    setShownValue(value);
    if (typedToIso(text) !== value) setText(isoToTyped(value));
  }

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const parsed = parseTypedDate(text);
  const problem = parsed.kind === 'invalid' || (parsed.kind === 'incomplete' && touched) ? parsed.kind : null;
  const messageId = `${inputId}-date`;
  const describedBy = [aria['aria-describedby'], problem ? messageId : ''].filter(Boolean).join(' ');

  const type = (next: string) => {
    setText(next);
    setTouched(false);
    const iso = typedToIso(next);
    setShownValue(iso);
    if (iso !== value) onChange(iso);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="date-field" ref={root}>
      <div className="date-field__row">
        <input
          id={inputId}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dateField.placeholder')}
          value={text}
          required={required}
          disabled={disabled}
          aria-invalid={Boolean(aria['aria-invalid']) || problem !== null}
          {...(aria['aria-label'] ? { 'aria-label': aria['aria-label'] } : {})}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setTouched(true)}
        />
        <button
          ref={button}
          type="button"
          className="date-field__open"
          aria-label={t('dateField.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          disabled={disabled}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">▦</span>
        </button>
      </div>
      {problem ? (
        <div className="field__error" id={messageId} role="alert">
          {t(problem === 'invalid' ? 'dateField.invalid' : 'dateField.incomplete')}
        </div>
      ) : null}
      {open ? (
        <DateFieldCalendar
          start={value || openOn || todayIso()}
          selected={value}
          onPick={(iso) => {
            type(isoToTyped(iso));
            close();
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
