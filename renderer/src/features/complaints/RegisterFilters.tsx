import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_ADDRESSEES, COMPLAINT_STATUSES } from '@shared/complaints';
import { DateField } from '../../ui/DateField';
import { OPEN_STATUSES } from './repository';
import { EMPTY_FILTER, REGISTER_FLAGS, VOIDED_FILTERS, type RegisterFilter } from './registerQuery';

/** Keystrokes closer together than this are one burst of typing. */
const TYPING_PAUSE_MS = 300;
const TYPING_SETTLE_MS = 150;

interface RegisterFiltersProps {
  filter: RegisterFilter;
  onChange(update: (f: RegisterFilter) => RegisterFilter): void;
  caseId: string | null;
}

/** The register's filter bar: search, status, deadline flags (incl. a missed forwarding), voided ones, addressee, reviewer, period. */
export function RegisterFilters({ filter, onChange, caseId }: RegisterFiltersProps) {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState('');
  // A search starts at once (the register answers in milliseconds) when it is the first keystroke in
  // an empty box or after a pause; while the officer keeps typing, it waits until the typing settles.
  const lastKeystroke = useRef(Number.NEGATIVE_INFINITY);
  const typing = useRef(false);
  const onSearchInput = (value: string) => {
    const now = performance.now();
    typing.current = searchText !== '' && now - lastKeystroke.current < TYPING_PAUSE_MS;
    lastKeystroke.current = now;
    setSearchText(value);
  };
  useEffect(() => {
    const apply = () => onChange((f) => (f.search === searchText ? f : { ...f, search: searchText }));
    if (!typing.current) {
      apply();
      return;
    }
    const timer = setTimeout(apply, TYPING_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [searchText, onChange]);

  const setF = <K extends keyof RegisterFilter>(k: K, v: RegisterFilter[K]) => onChange((f) => ({ ...f, [k]: v }));
  const statusValue =
    filter.statuses.length === OPEN_STATUSES.length && filter.statuses.every((s) => OPEN_STATUSES.includes(s))
      ? 'open'
      : (filter.statuses[0] ?? '');

  return (
    <div className="card filters" role="search" aria-label={t('complaints.filters')}>
      <label>
        {t('complaints.search')}
        <input type="search" name="search" value={searchText} onChange={(e) => onSearchInput(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="searchText" checked={filter.searchText} onChange={(e) => setF('searchText', e.target.checked)} />
        {t('complaints.searchText')}
      </label>
      <label>
        {t('complaints.statusLabel')}
        <select
          name="status"
          value={statusValue}
          onChange={(e) =>
            setF('statuses', e.target.value === 'open' ? OPEN_STATUSES : COMPLAINT_STATUSES.filter((s) => s === e.target.value))
          }
        >
          <option value="">{t('complaints.allStatuses')}</option>
          <option value="open">{t('complaints.openOnly')}</option>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`complaints.statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.flagsColumn')}
        <select
          name="flag"
          value={filter.flag ?? ''}
          onChange={(e) => setF('flag', REGISTER_FLAGS.find((f) => f === e.target.value) ?? null)}
        >
          <option value="">{t('complaints.allFlags')}</option>
          {REGISTER_FLAGS.map((f) => (
            <option key={f} value={f}>
              {t(`complaints.flags.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.voidedFilter')}
        <select
          name="voided"
          value={filter.voided}
          onChange={(e) => setF('voided', VOIDED_FILTERS.find((v) => v === e.target.value) ?? 'all')}
        >
          {VOIDED_FILTERS.map((v) => (
            <option key={v} value={v}>
              {t(`complaints.voidedFilters.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.addressee')}
        <select
          name="addressee"
          value={filter.addressee ?? ''}
          onChange={(e) => setF('addressee', COMPLAINT_ADDRESSEES.find((a) => a === e.target.value) ?? null)}
        >
          <option value="">{t('complaints.allAddressees')}</option>
          {COMPLAINT_ADDRESSEES.map((a) => (
            <option key={a} value={a}>
              {t(`complaints.addressees.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.reviewer')}
        <input name="reviewer" value={filter.reviewer} onChange={(e) => setF('reviewer', e.target.value)} />
      </label>
      <label>
        {t('complaints.from')}
        <DateField name="from" value={filter.from} onChange={(v) => setF('from', v)} />
      </label>
      <label>
        {t('complaints.to')}
        <DateField name="to" value={filter.to} onChange={(v) => setF('to', v)} />
      </label>
      <button
        type="button"
        onClick={() => {
          setSearchText('');
          onChange(() => ({ ...EMPTY_FILTER, caseId }));
        }}
      >
        {t('complaints.clear')}
      </button>
    </div>
  );
}
