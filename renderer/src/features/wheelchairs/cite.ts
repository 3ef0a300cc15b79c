import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RULES_458 } from '@shared/rules/cite';
import type { Citation, LegalAct } from '@shared/rules';
import { useAppStore } from '../../core/store';

const RULES_KEYS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(RULES_458).map(([key, title]) => [title, key]));

/** Order 458's App. 9 is the new wording of App. 2 of the Rules: "9 (→ Rules App. 2)" in the data. */
const APPENDIX_OF_RULES = /^(\d+) \(→ Rules App\. (\d+)\)$/u;

/**
 * One line naming the clause in the officer's language: act, Rules, appendix, paragraph, row, item,
 * and the seed file with its lines (where the Kazakh original can be read).
 */
export function formatCitation(t: TFunction, c: Citation, acts: readonly LegalAct[]): string {
  const parts: string[] = [];
  const act = acts.find((a) => a.id === c.act);
  parts.push(act?.number ? t('wheelchairs.cite.order', { number: act.number }) : c.act);
  if (c.rules) {
    const key = RULES_KEYS[c.rules];
    parts.push(key ? t(`wheelchairs.cite.rules.${key}`) : c.rules);
  }
  if (c.appendix) {
    const m = APPENDIX_OF_RULES.exec(c.appendix);
    parts.push(
      m
        ? t('wheelchairs.cite.appendixOfRules', { appendix: m[1], rulesAppendix: m[2] })
        : t('wheelchairs.cite.appendix', { appendix: c.appendix }),
    );
  }
  if (c.paragraph) parts.push(t('wheelchairs.cite.paragraph', { paragraph: c.paragraph }));
  if (c.row) parts.push(t('wheelchairs.cite.row', { row: c.row }));
  if (c.item) parts.push(t('wheelchairs.cite.item', { item: c.item }));
  parts.push(t('wheelchairs.cite.seed', { seed: c.seed, lines: c.lines }));
  if (c.rowNumberSource) {
    parts.push(t('wheelchairs.cite.rowNumberSource', { seed: c.rowNumberSource.seed, lines: c.rowNumberSource.lines }));
  }
  return parts.join(', ');
}

/** The acts of every rule set loaded, so a citation finds its act's number whatever set it came from. */
export function useCite(): (c: Citation) => string {
  const { t } = useTranslation();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const acts = ruleSets.flatMap((r) => r.acts);
  return (c) => formatCitation(t, c, acts);
}
