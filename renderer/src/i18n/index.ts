import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import kk from './kk.json';
import ru from './ru.json';

type Catalog = { [key: string]: string | Catalog };

/**
 * Each feature keeps its own messages in `features/<feature>/i18n/{kk,ru}.json`; they are mounted
 * under the feature's folder name (key `complaints.title` for the complaints folder), so features never edit a shared catalog.
 */
const featureCatalogs = {
  kk: import.meta.glob<Catalog>('../features/*/i18n/kk.json', { eager: true, import: 'default' }),
  ru: import.meta.glob<Catalog>('../features/*/i18n/ru.json', { eager: true, import: 'default' }),
};

function catalog(base: Catalog, features: Record<string, Catalog>): Catalog {
  const merged: Catalog = { ...base };
  for (const [path, messages] of Object.entries(features)) {
    const feature = /features\/([^/]+)\/i18n/u.exec(path)?.[1];
    if (!feature || Object.keys(messages).length === 0) continue;
    if (feature in merged) throw new Error(`i18n: feature catalog '${feature}' clashes with a core key`);
    merged[feature] = messages;
  }
  return merged;
}

export const CATALOGS = {
  kk: catalog(kk, featureCatalogs.kk),
  ru: catalog(ru, featureCatalogs.ru),
};

export const LANGUAGES = ['kk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'qamqor.language';

function isLanguage(v: string | null): v is Language {
  return v !== null && (LANGUAGES as readonly string[]).includes(v);
}

/** Kazakh first; the officer's choice is remembered on this computer. */
export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'kk';
  } catch {
    return 'kk';
  }
}

export async function initI18n(language: Language = storedLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { kk: { translation: CATALOGS.kk }, ru: { translation: CATALOGS.ru } },
    lng: language,
    fallbackLng: 'kk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage full: the choice lasts for this session only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'kk';
}
