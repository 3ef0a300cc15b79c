/**
 * "The law is the specification": checks the shipped data against the Kazakh seed texts — every
 * cited line range exists, every quote and every Kazakh label is verbatim inside its cited lines,
 * and every term's number is written in its cited lines. The seeds live outside the repository
 * (../shared/seeds next to the checkout, or QAMQOR_SEEDS_DIR), so the suite is skipped where they
 * are absent. Test-only file: it uses Node APIs, which shared/ code itself must not.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { shippedRuleSets } from '@shared/rules/ruleset-2021';
import { collectCitations, collectTerms, isCitation, objectNodes } from '@shared/rules/walk';
import type { Citation, RuleSet } from '@shared/rules/types';

const seedsDir = process.env['QAMQOR_SEEDS_DIR'] ?? fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(seedsDir);

const seedLines = new Map<string, readonly string[]>();
const linesOf = (seed: string): readonly string[] => {
  const cached = seedLines.get(seed);
  if (cached) return cached;
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${seed}_`));
  if (file === undefined) throw new Error(`seed ${seed} not found in ${seedsDir}`);
  const lines = readFileSync(join(seedsDir, file), 'utf8').split('\n');
  seedLines.set(seed, lines);
  return lines;
};

// Line breaks inside table cells and NBSP indentation are layout, not text.
const normalise = (s: string): string => s.replace(/[\s\u00a0]+/gu, ' ').trim();

const range = (lines: string): [number, number] => {
  const m = /^L(\d+)(?:-(\d+))?$/.exec(lines);
  if (!m) throw new Error(`bad lines ${lines}`);
  const from = Number(m[1]);
  return [from, m[2] === undefined ? from : Number(m[2])];
};

const citedText = (c: Citation): string => {
  const all = linesOf(c.seed);
  const [from, to] = range(c.lines);
  return normalise(all.slice(from - 1, to).join(' '));
};

const KAZAKH_NUMBERS: Record<number, readonly string[]> = {
  1: ['бір'],
  2: ['екі'],
  3: ['үш'],
  5: ['бес'],
  7: ['жеті'],
  10: ['он'],
  15: ['он', 'бес'],
  17: ['он', 'жеті'],
};

const tokens = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const mentionsNumber = (text: string, n: number): boolean => {
  const t = tokens(text);
  if (t.includes(String(n))) return true;
  const words = KAZAKH_NUMBERS[n];
  if (!words) return false;
  // "он бес" (15) must not count as 5 or as 10.
  const compound = (i: number): boolean =>
    (words[0] !== 'он' && t[i - 1] === 'он') || (words.length === 1 && words[0] === 'он' && ['бес', 'жеті'].includes(t[i + 1] ?? ''));
  return t.some((_, i) => words.every((w, j) => t[i + j] === w) && !compound(i));
};

/** Kazakh text fields that must be verbatim inside the citation of the same object. */
const KK_FIELDS = ['labelKk', 'nameKk', 'textKk', 'captionKk', 'titleKk', 'kk'] as const;

interface Claim {
  readonly path: string;
  readonly text: string;
  readonly citation: Citation;
}

const verbatimClaims = (rs: RuleSet): Claim[] => {
  const claims: Claim[] = [];
  for (const { path, value } of objectNodes(rs)) {
    const citation = value['citation'];
    if (!isCitation(citation) || value['labelKkSource'] === 'editorial') continue;
    for (const f of KK_FIELDS) {
      const text = value[f];
      if (typeof text === 'string') claims.push({ path: `${path}.${f}`, text, citation });
    }
  }
  // Labels whose citation sits beside the list rather than on each item.
  const c = rs.complaints;
  const lists = [
    { path: 'complaints.channels', items: c.channels, citation: c.channelsCitation },
    { path: 'complaints.registrationMarks', items: c.registrationMarks, citation: c.registrationMarksCitation },
    { path: 'complaints.reviewingBodies', items: c.reviewingBodies, citation: c.reviewingBodiesCitation },
  ];
  for (const s of rs.services) {
    claims.push({ path: `services.${s.id}.nameKk`, text: s.nameKk, citation: s.nameCitation });
    for (const st of s.steps) claims.push({ path: `services.${s.id}.steps.${st.id}`, text: st.labelKk, citation: st.term.citation });
    const h = s.hearing;
    if (h.kind === 'service-term' && h.outcomesCitation) {
      lists.push({ path: `services.${s.id}.hearing.outcomes`, items: h.outcomes, citation: h.outcomesCitation });
    }
    if (h.kind === 'decision-date') lists.push({ path: `services.${s.id}.hearing.modes`, items: h.modes, citation: h.modesCitation });
  }
  for (const t of rs.handOffTemplates) {
    for (const st of t.steps) claims.push({ path: `handOffTemplates.${t.id}.${st.id}`, text: st.labelKk, citation: st.term.citation });
  }
  for (const l of lists) for (const it of l.items) claims.push({ path: `${l.path}.${it.id}`, text: it.labelKk, citation: l.citation });
  claims.push({ path: 'wheelchairs.titleKk', text: rs.wheelchairs.titleKk, citation: rs.wheelchairs.tableCitation });
  return claims;
};

const rs = shippedRuleSets[0];

describe.skipIf(!haveSeeds || rs === undefined)(`shipped data against the seeds in ${seedsDir}`, () => {
  if (rs === undefined) return;

  it('cites only line ranges that exist', () => {
    for (const { path, value } of collectCitations(rs)) {
      const [from, to] = range(value.lines);
      expect(to, `${path} ${value.seed}:${value.lines}`).toBeLessThanOrEqual(linesOf(value.seed).length);
      expect(from, path).toBeGreaterThan(0);
      if (value.rowNumberSource) {
        const [r] = range(value.rowNumberSource.lines);
        const cell = normalise(linesOf(value.rowNumberSource.seed)[r - 1] ?? '');
        expect(cell.startsWith(value.row ?? '?'), `${path}: row number ${value.row} at ${value.rowNumberSource.lines}`).toBe(true);
      }
    }
  });

  it('has every quoteKk verbatim in its cited lines', () => {
    const bad = collectCitations(rs)
      .filter(({ value }) => value.quoteKk !== undefined)
      .filter(({ value }) => !citedText(value).includes(normalise(value.quoteKk ?? '')))
      .map(({ path, value }) => `${path} ${value.seed}:${value.lines} «${value.quoteKk}»`);
    expect(bad).toEqual([]);
  });

  it('has every Kazakh label verbatim in its cited lines', () => {
    const claims = verbatimClaims(rs);
    expect(claims.length).toBeGreaterThan(100);
    const bad = claims
      .filter((c) => !citedText(c.citation).includes(normalise(c.text)))
      .map((c) => `${c.path} ${c.citation.seed}:${c.citation.lines} «${c.text}»`);
    expect(bad).toEqual([]);
  });

  it('finds every term number in the cited lines and in its quote', () => {
    const bad: string[] = [];
    for (const { path, value } of collectTerms(rs)) {
      const n = Number(value['workingDays']);
      const also: unknown[] = Array.isArray(value['alsoIn']) ? (value['alsoIn'] as unknown[]) : [];
      const cits = [value['citation'], ...also].filter(isCitation);
      for (const c of cits) {
        if (!mentionsNumber(citedText(c), n)) bad.push(`${path} ${c.seed}:${c.lines} lacks ${n}`);
        if (c.quoteKk !== undefined && !mentionsNumber(c.quoteKk, n)) bad.push(`${path} quote «${c.quoteKk}» lacks ${n}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('finds every wheelchair parameter value in its quote', () => {
    const params = [...rs.wheelchairs.indications, ...rs.wheelchairs.contraindications].flatMap((c) => c.parameters ?? []);
    expect(params.length).toBe(5);
    for (const p of params) {
      const t = tokens(p.citation.quoteKk ?? '');
      expect(t.includes(String(p.low)) && t.includes(String(p.high)), p.id).toBe(true);
    }
  });
});
