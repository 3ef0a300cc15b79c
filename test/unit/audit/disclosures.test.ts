/**
 * Every disclosure entry point of the UI writes an audit entry (issue 19 point 2). Enumerated from the
 * sources, so a new print or export cannot be added without its entry:
 * - every `<PrintPreview` must pass `disclosure=` (the preview records the print itself);
 * - every file that saves a file (`saveFile(`, `writeBackup(`) must record the disclosure itself, or
 *   be listed in DELEGATES with the module that builds and records it.
 * Call sites in folders other helpers own that are not wired yet are listed in WAITING, with the
 * reason; the test prints them and fails when the list is out of date either way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../renderer/src');
const RECORDERS = /\b(recordDisclosure|recordAuditEvent|appendAudit|exportAuditTrail|recordBackupSuccess|recordPrint|recordExport)\s*\(/u;
const SAVES = /\b(saveFile|writeBackup)\s*\(/u;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/u.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Files that save what another module built and recorded: the delegate must record, and the file must
 * import it.
 */
const DELEGATES: Record<string, string> = {
  'features/bundles/ExportPage.tsx': 'features/bundles/exportBundle.ts',
  'features/backup/BackupPanel.tsx': 'features/backup/makeBackup.ts',
  'features/reports/ReportsPage.tsx': 'features/reports/exports.ts',
};

function recordsItself(rel: string, text: string): boolean {
  if (RECORDERS.test(text)) return true;
  const delegate = DELEGATES[rel];
  if (!delegate) return false;
  const name = delegate.replace(/^.*\//u, '').replace(/\.tsx?$/u, '');
  return text.includes(`'./${name}'`) && RECORDERS.test(readFileSync(join(ROOT, delegate), 'utf8'));
}

/** Not disclosures of personal data, with the reason. */
const NOT_DISCLOSURES: Record<string, string> = {
  'features/bundles/OfficesPage.tsx': "saves the office's public key file: no personal data",
  'platform/browserPlatform.ts': 'the platform implementation itself (callers record)',
  'platform/electronPlatform.ts': 'the platform implementation itself (callers record)',
  'platform/platform.ts': 'the interface',
};

/** Entry points in other helpers' folders that do not record yet: the lead wires them (report of issue 19). */
const WAITING: Record<string, string> = {};

/** The JSX opening tag starting at `from`: up to the first `>` outside braces (so `() => x` in a prop does not end it). */
function openingTag(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (c === '>' && depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

function offenders(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of sources(ROOT)) {
    const rel = relative(ROOT, file);
    if (rel.startsWith('ui/print/')) continue;
    const text = readFileSync(file, 'utf8');
    const problems: string[] = [];
    for (const m of text.matchAll(/<PrintPreview\b/gu)) {
      if (!/\bdisclosure=/u.test(openingTag(text, m.index))) problems.push('PrintPreview without disclosure');
    }
    if (SAVES.test(text) && !(rel in NOT_DISCLOSURES) && !recordsItself(rel, text)) problems.push('saves a file without an audit entry');
    if (problems.length > 0) out[rel] = problems;
  }
  return out;
}

describe('every print and export entry point records a disclosure', () => {
  it('finds the entry points at all (the enumeration is not empty)', () => {
    const all = sources(ROOT).filter((f) => /<PrintPreview\b|\b(saveFile|writeBackup)\s*\(/u.test(readFileSync(f, 'utf8')));
    expect(all.length).toBeGreaterThanOrEqual(8);
  });

  it('no entry point writes nothing, except those listed as waiting for wiring', () => {
    const found = offenders();
    for (const [file, reason] of Object.entries(WAITING)) {
      if (found[file]) console.warn(`issue 19: disclosure not recorded yet in ${file}: ${reason}`);
    }
    // A new offender fails; a fixed one must be taken off the WAITING list.
    expect(Object.keys(found).sort()).toEqual(
      Object.keys(WAITING)
        .filter((f) => found[f])
        .sort(),
    );
    expect(Object.keys(WAITING).filter((f) => !found[f])).toEqual([]);
  });
});
