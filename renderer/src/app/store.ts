import { create } from 'zustand';
import type { CalendarYear } from '../../../shared/calendar';
import type { OfficeProfile } from '../../../shared/office';
import type { RuleSet } from '../../../shared/rules';
import { systemContext, type WriteContext } from '../db/context';

/** App-wide state: who and where we are, and the reference data every feature reads. */
interface AppState {
  office: OfficeProfile | null;
  calendarYears: CalendarYear[];
  ruleSets: RuleSet[];
  /** Bumped after writes so that lists re-query. */
  dataVersion: number;
  setOffice(office: OfficeProfile): void;
  setReference(calendarYears: CalendarYear[], ruleSets: RuleSet[]): void;
  dataChanged(): void;
}

export const useAppStore = create<AppState>((set) => ({
  office: null,
  calendarYears: [],
  ruleSets: [],
  dataVersion: 0,
  setOffice: (office) => set({ office }),
  setReference: (calendarYears, ruleSets) => set({ calendarYears, ruleSets }),
  dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
}));

/** The write context of the signed-in officer in this office. */
export function useWriteContext(): WriteContext | null {
  const office = useAppStore((s) => s.office);
  return office ? systemContext({ officerName: office.officerName, officeId: office.officeId }) : null;
}
