import type { Citation } from './types';

type CitationExtra = Omit<Citation, 'act' | 'seed' | 'lines'>;

/**
 * Seed files: 000 = Order 458 (002 is a PDF extraction of the same order, used only for table row
 * numbers that 000 lost), 001 = medical-social institutions rules, 003 = Kyzylorda resolution
 * No. 1092, 004 = the order amending Order No. 84.
 */
export const SEED = {
  order458: '000',
  order458Pdf: '002',
  msiRules: '001',
  kyzylorda1092: '003',
  order84Amend: '004',
} as const;

/**
 * Order 458 rewrites paragraphs of four sets of Rules approved by Order No. 26 (000 L17, L233, L335,
 * L573); a paragraph number alone is ambiguous without the Rules it belongs to.
 */
export const RULES_458 = {
  assistantAndSignLanguage: 'Rules on personal-assistant and sign-language specialist services (Order 26)',
  sanatorium: 'Rules on sanatorium-resort treatment (Order 26)',
  prostheticsAndAids: 'Rules on prosthetic-orthopaedic assistance and technical auxiliary means (Order 26)',
  mobility: 'Rules on special means of movement (Order 26)',
} as const;

export const c458 = (lines: string, extra: CitationExtra = {}): Citation => ({
  act: 'order458',
  seed: SEED.order458,
  lines,
  ...extra,
});

export const cMsi = (lines: string, extra: CitationExtra = {}): Citation => ({
  act: 'msi-rules',
  seed: SEED.msiRules,
  lines,
  ...extra,
});

export const c84 = (lines: string, extra: CitationExtra = {}): Citation => ({
  act: 'order84-amend',
  seed: SEED.order84Amend,
  lines,
  ...extra,
});

export const cKyz = (lines: string, extra: CitationExtra = {}): Citation => ({
  act: 'kyzylorda-1092',
  seed: SEED.kyzylorda1092,
  lines,
  ...extra,
});
