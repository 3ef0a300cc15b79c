/**
 * The complaint routes quote the Kazakh originals verbatim: every `quoteKk` of a route's citations is
 * inside its cited lines of the seed. The seeds live outside the repository (../shared/seeds next to
 * the checkout, or QAMQOR_SEEDS_DIR); where they are absent the suite is skipped and says why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { complaintRoute } from '@shared/complaints';
import { collectCitations } from '@shared/rules/walk';
import { shippedRuleSets } from '@shared/rules';

const seedsDir = process.env['QAMQOR_SEEDS_DIR'] ?? fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(seedsDir);
if (!haveSeeds) console.warn(`route-quotes: seeds not found in ${seedsDir}; the verbatim check is skipped`);

const normalise = (s: string): string => s.replace(/[\s\u00a0]+/gu, ' ').trim();

function cited(seed: string, lines: string): string {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${seed}_`));
  if (file === undefined) throw new Error(`seed ${seed} missing`);
  const all = readFileSync(join(seedsDir, file), 'utf8').split('\n');
  const m = /^L(\d+)(?:-(\d+))?$/u.exec(lines);
  if (!m) throw new Error(`bad lines ${lines}`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return normalise(all.slice(from - 1, to).join(' '));
}

describe.skipIf(!haveSeeds)('complaint routes against the seeds', () => {
  const rs = shippedRuleSets[shippedRuleSets.length - 1];
  if (!rs) throw new Error('no shipped rule set');
  for (const serviceId of ['personal-assistant', 'msi-placement']) {
    it(`every quote of the ${serviceId} route is verbatim in its lines`, () => {
      const quotes = collectCitations(complaintRoute(rs, serviceId)).filter((c) => c.value.quoteKk !== undefined);
      expect(quotes.length).toBeGreaterThan(5);
      for (const { path, value } of quotes) expect(cited(value.seed, value.lines), path).toContain(normalise(value.quoteKk ?? ''));
    });
  }

  it('the two waivers read differently in the originals: "жібермейді" (000 L77) and "жібермеуге құқылы" (001 L58)', () => {
    expect(cited('000', 'L77')).toContain('шағымды оған жібермейді');
    expect(cited('001', 'L58')).toContain('жібермеуге құқылы');
  });
});
