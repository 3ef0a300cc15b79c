import { useMemo } from 'react';
import { create } from 'zustand';
import type { CalendarYear } from '@shared/calendar';
import type { OfficeProfile } from '@shared/office';
import type { Officer } from '@shared/officers';
import type { RuleSet } from '@shared/rules';
import { systemContext, type WriteContext } from '../db/context';

/** App-wide state: who and where we are, and the reference data every feature reads. */
interface AppState {
  office: OfficeProfile | null;
  /** The signed-in officer; null before sign-in and while locked. */
  officer: Officer | null;
  /** Login of the officer whose session locked, to prefill the sign-in form. */
  lockedLogin: string | null;
  calendarYears: CalendarYear[];
  ruleSets: RuleSet[];
  /** Whether the browser promised not to evict our storage (null: not asked or not supported). */
  storagePersistent: boolean | null;
  setStoragePersistent(value: boolean | null): void;
  setOffice(office: OfficeProfile): void;
  signedIn(officer: Officer): void;
  signedOut(locked: boolean): void;
  setReference(calendarYears: CalendarYear[], ruleSets: RuleSet[]): void;
}

export const useAppStore = create<AppState>((set) => ({
  office: null,
  officer: null,
  lockedLogin: null,
  calendarYears: [],
  ruleSets: [],
  storagePersistent: null,
  setStoragePersistent: (storagePersistent) => set({ storagePersistent }),
  setOffice: (office) => set({ office }),
  signedIn: (officer) => set({ officer, lockedLogin: null }),
  signedOut: (locked) => set((s) => ({ officer: null, lockedLogin: locked ? (s.officer?.login ?? null) : null })),
  setReference: (calendarYears, ruleSets) => set({ calendarYears, ruleSets }),
}));

export function writeContextFor(office: OfficeProfile, officer: Officer): WriteContext {
  return systemContext({ officerName: officer.fullName, officeId: office.officeId }, officer.roles);
}

/** The write context of the signed-in officer in this office. */
export function useWriteContext(): WriteContext | null {
  const office = useAppStore((s) => s.office);
  const officer = useAppStore((s) => s.officer);
  return useMemo(() => (office && officer ? writeContextFor(office, officer) : null), [office, officer]);
}
