import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedTime } from './dateInput';
import './dateField.css';

export interface TimeFieldProps {
  /** The time as 24-hour `HH:MM`, or '' (the same value a native `<input type="time">` holds). */
  value: string;
  /** Called with `HH:MM`, or '' while the typed text is empty, incomplete or impossible. */
  onChange(value: string): void;
  name?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  required?: boolean;
  disabled?: boolean;
}

const typedValue = (text: string): string => {
  const parsed = parseTypedTime(text);
  return parsed.kind === 'ok' ? parsed.value : '';
};

/**
 * A 24-hour time field whatever the browser's locale (issue 16 point 6): the officer types 14:30
 * (also 9:05, 09.05 or 0905); never AM/PM. An impossible time (25:00) is marked with a kk/ru message.
 */
export function TimeField({ value, onChange, name, id, required, disabled, ...aria }: TimeFieldProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? ownId;
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  const [touched, setTouched] = useState(false);

  if (value !== shownValue) {
    setShownValue(value);
    if (typedValue(text) !== value) setText(value);
  }

  const parsed = parseTypedTime(text);
  const problem = parsed.kind === 'invalid' || (parsed.kind === 'incomplete' && touched);
  const messageId = `${inputId}-time`;
  const describedBy = [aria['aria-describedby'], problem ? messageId : ''].filter(Boolean).join(' ');

  return (
    <div className="date-field">
      <input
        id={inputId}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('dateField.timePlaceholder')}
        value={text}
        required={required}
        disabled={disabled}
        aria-invalid={Boolean(aria['aria-invalid']) || problem}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        onChange={(e) => {
          setText(e.target.value);
          setTouched(false);
          const next = typedValue(e.target.value);
          setShownValue(next);
          if (next !== value) onChange(next);
        }}
        onBlur={() => setTouched(true)}
      />
      {problem ? (
        <div className="field__error" id={messageId} role="alert">
          {t('dateField.timeInvalid')}
        </div>
      ) : null}
    </div>
  );
}
