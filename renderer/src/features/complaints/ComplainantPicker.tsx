import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Person } from '@shared/persons';
import { useServices } from '../../core/services';
import { searchPersons } from '../../db/repositories/persons';
import { useAsync } from '../../ui/useAsync';

/** Finds the complainant in the register by IIN or name; a person not found is entered in the form instead. */
export function ComplainantPicker({ selected, onSelect }: { selected: Person | null; onSelect(p: Person | null): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [query, setQuery] = useState('');
  const hits = useAsync(() => (query.trim().length >= 2 ? searchPersons(db, query, 8) : Promise.resolve([])), [db, query]);

  if (selected) {
    return (
      <div className="picker picker--selected" data-testid="complainant-selected">
        {t('complaints.selected', { name: fullName(selected), iin: selected.iin })}{' '}
        <button type="button" className="link" onClick={() => onSelect(null)}>
          {t('complaints.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <input
        type="search"
        name="complainantSearch"
        aria-label={t('complaints.findComplainant')}
        placeholder={t('complaints.findComplainant')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {hits.status === 'done' && hits.value.length > 0 ? (
        <ul className="picker__hits">
          {hits.value.map((p) => (
            <li key={p.id}>
              <span className="mono">{p.iin}</span> {fullName(p)}{' '}
              <button type="button" onClick={() => onSelect(p)}>
                {t('complaints.choose')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
