import { createContext, useContext, type ReactNode } from 'react';
import type { QamqorDb } from '../db/database';
import type { Platform } from '../platform';

/** The two things feature code needs from outside React: the database and the host platform. */
export interface Services {
  db: QamqorDb;
  platform: Platform;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}
