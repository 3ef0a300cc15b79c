import { describe, expect, it } from 'vitest';
import {
  backupDue,
  backupFileName,
  backupSettingsInput,
  backupsToDelete,
  countersFromNumbers,
  countersToRaise,
  DEFAULT_BACKUP_SETTINGS,
  FREE_SPACE_MARGIN_BYTES,
  hasRoomForBackup,
  isBackupFileName,
  parseBackupFileName,
  readBackupSettings,
  requiredFreeBytes,
  shrunkTables,
} from '@shared/backup';

const name = (iso: string, code = 'KZL05') => backupFileName(code, iso);

describe('backup file names', () => {
  it('put the UTC time first, then the office code', () => {
    expect(backupFileName('KZL05', '2026-11-20T11:00:07.456+05:00')).toBe('qamqor-backup-20261120-060007Z-KZL05.qamqor');
    expect(parseBackupFileName('qamqor-backup-20261120-060007Z-KZL05.qamqor')).toEqual({
      fileName: 'qamqor-backup-20261120-060007Z-KZL05.qamqor',
      createdAt: '2026-11-20T06:00:07.000Z',
      officeCode: 'KZL05',
    });
  });

  it('sort by time when sorted as text, whatever the office code', () => {
    const names = [name('2026-03-02T08:00:00Z', 'ZZ'), name('2025-12-31T23:59:59Z', 'ARAL01'), name('2026-03-02T07:59:59Z', 'AA')];
    expect([...names].sort().map((n) => parseBackupFileName(n)?.createdAt)).toEqual([
      '2025-12-31T23:59:59.000Z',
      '2026-03-02T07:59:59.000Z',
      '2026-03-02T08:00:00.000Z',
    ]);
  });

  it.each([
    ['a relative path', '../qamqor-backup-20261120-060007Z-KZL05.qamqor'],
    ['an absolute path', '/etc/qamqor-backup-20261120-060007Z-KZL05.qamqor'],
    ['a Windows path', 'C:\\Users\\qamqor-backup-20261120-060007Z-KZL05.qamqor'],
    ['a folder inside', 'x/qamqor-backup-20261120-060007Z-KZL05.qamqor'],
    ['another extension', 'qamqor-backup-20261120-060007Z-KZL05.exe'],
    ['a trailing extension', 'qamqor-backup-20261120-060007Z-KZL05.qamqor.exe'],
    ['a hidden file', '.qamqor-backup-20261120-060007Z-KZL05.qamqor'],
    ['a partial file', 'qamqor-backup-20261120-060007Z-KZL05.qamqor.partial'],
    ['a lower-case office code', 'qamqor-backup-20261120-060007Z-kzl05.qamqor'],
    ['an impossible date', 'qamqor-backup-20260230-060007Z-KZL05.qamqor'],
    ['an impossible hour', 'qamqor-backup-20261120-250007Z-KZL05.qamqor'],
    ['a NUL', 'qamqor-backup-20261120-060007Z-KZL05\u0000.qamqor'],
    ['a trailing newline', 'qamqor-backup-20261120-060007Z-KZL05.qamqor\n'],
    ['an empty name', ''],
    ['a bundle', 'KZL05-all-20261120-0600.qamqor'],
  ])('refuse %s', (_label, fileName) => {
    expect(isBackupFileName(fileName)).toBe(false);
  });

  it('refuse to make a name from a bad code or time', () => {
    expect(() => backupFileName('../x', '2026-11-20T06:00:00Z')).toThrow(RangeError);
    expect(() => backupFileName('KZL05', 'yesterday')).toThrow(RangeError);
  });
});

describe('retention: the last N', () => {
  const ten = Array.from({ length: 12 }, (_, i) => name(`2026-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`));

  it('deletes the oldest beyond N, oldest first', () => {
    expect(backupsToDelete(ten, 10)).toEqual([ten[0], ten[1]]);
    expect(backupsToDelete([...ten].reverse(), 3)).toEqual(ten.slice(0, 9));
    expect(backupsToDelete(ten.slice(0, 4), 10)).toEqual([]);
  });

  it('never touches files that are not backups', () => {
    const others = [
      'notes.txt',
      'KZL05-all-20261120-0600.qamqor',
      'qamqor-backup-x.qamqor',
      '.qamqor-backup-20260101-100000Z-KZL05.qamqor.partial',
    ];
    expect(backupsToDelete([...others, ...ten], 1)).toEqual(ten.slice(0, 11));
  });

  it('keeps the file just written even when the clock was set back and it sorts first', () => {
    const older = name('2025-06-01T10:00:00Z');
    const result = backupsToDelete([older, ...ten], 10, older);
    expect(result).not.toContain(older);
    expect(result).toEqual(ten.slice(0, 3));
    expect(backupsToDelete([older, ...ten], 1, older)).toEqual(ten);
  });

  it('refuses a keep below one', () => {
    expect(() => backupsToDelete(ten, 0)).toThrow(RangeError);
    expect(() => backupsToDelete(ten, 2.5)).toThrow(RangeError);
  });
});

describe('schedule', () => {
  const base = { now: '2026-11-20T10:00:00.000Z', intervalHours: 24, changedSinceLast: true };

  it('is due with no backup at all', () => {
    expect(backupDue({ ...base, lastAt: null })).toEqual({ due: true, reason: 'never' });
  });

  it('is due once the interval has passed since the last backup, not before', () => {
    expect(backupDue({ ...base, lastAt: '2026-11-19T10:00:00.000Z' })).toEqual({ due: true, reason: 'interval' });
    expect(backupDue({ ...base, lastAt: '2026-11-19T10:00:01.000Z' })).toEqual({
      due: false,
      reason: 'recent',
      nextAt: '2026-11-20T10:00:01.000Z',
    });
    expect(backupDue({ ...base, intervalHours: 4, lastAt: '2026-11-20T05:59:00.000Z' })).toEqual({ due: true, reason: 'interval' });
  });

  it('is not due when nothing changed since the last backup, however old', () => {
    expect(backupDue({ ...base, changedSinceLast: false, lastAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      due: false,
      reason: 'unchanged',
    });
  });

  it('is due when the last backup lies in the future (clock set back)', () => {
    expect(backupDue({ ...base, lastAt: '2026-12-20T10:00:00.000Z' })).toEqual({ due: true, reason: 'clock' });
    // A few seconds of skew between windows is not a clock change.
    expect(backupDue({ ...base, lastAt: '2026-11-20T10:01:00.000Z' }).due).toBe(false);
  });
});

describe('free space', () => {
  it('needs twice the size plus 50 MiB', () => {
    const size = 30 * 1024 * 1024;
    expect(requiredFreeBytes(size)).toBe(2 * size + FREE_SPACE_MARGIN_BYTES);
    expect(hasRoomForBackup(size, 2 * size + FREE_SPACE_MARGIN_BYTES)).toBe(true);
    expect(hasRoomForBackup(size, 2 * size + FREE_SPACE_MARGIN_BYTES - 1)).toBe(false);
    expect(hasRoomForBackup(0, 49 * 1024 * 1024)).toBe(false);
  });
});

describe('settings', () => {
  it('reads damaged or missing values as the defaults, field by field', () => {
    expect(readBackupSettings(undefined)).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(readBackupSettings('x')).toEqual(DEFAULT_BACKUP_SETTINGS);
    const read = readBackupSettings({ passphrase: 'short', intervalHours: 0, keep: 5, last: { at: 'nope' } });
    expect(read).toMatchObject({ passphrase: null, intervalHours: 24, keep: 5, last: null });
  });

  it('wants a passphrase of at least 12 characters, typed twice the same', () => {
    const form = backupSettingsInput(true);
    const errors = (input: Record<string, unknown>) => {
      const r = form.safeParse({ passphrase: '', passphraseRepeat: '', intervalHours: '24', keep: '10', ...input });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(errors({})).toEqual({ passphrase: 'validation.required' });
    expect(errors({ passphrase: 'Арал-2026', passphraseRepeat: 'Арал-2026' })).toEqual({ passphrase: 'backup.validation.passphraseShort' });
    expect(errors({ passphrase: 'Арал ауданы 2026', passphraseRepeat: 'Арал ауданы 2025' })).toEqual({
      passphraseRepeat: 'backup.validation.passphraseMismatch',
    });
    expect(errors({ passphrase: 'Арал ауданы 2026', passphraseRepeat: 'Арал ауданы 2026' })).toEqual({});
    expect(errors({ passphrase: 'Арал ауданы 2026', passphraseRepeat: 'Арал ауданы 2026', intervalHours: '0', keep: '101' })).toEqual({
      intervalHours: 'backup.validation.interval',
      keep: 'backup.validation.keep',
    });
    // An empty passphrase keeps the stored one when there is one.
    expect(backupSettingsInput(false).safeParse({ passphrase: '', passphraseRepeat: '', intervalHours: 4, keep: 3 }).success).toBe(true);
  });

  it('names the tables that lost records since the last backup', () => {
    expect(shrunkTables({ persons: 5, cases: 3, documents: 2 }, { persons: 5, cases: 2 })).toEqual(['cases', 'documents']);
    expect(shrunkTables({ persons: 5 }, { persons: 6, cases: 1 })).toEqual([]);
  });
});

describe('counters after a restore', () => {
  it('take the highest number per kind and year of this office only', () => {
    const wanted = countersFromNumbers(
      'KZL05',
      ['KZL05-C2026-00003', 'KZL05-C2026-00012', 'KZL05-C2025-00040', 'ARAL01-C2026-00099', 'KZL050-C2026-00077'],
      ['KZL05-2026-00007', 'KZL05-2026-00002', 'ARAL01-2026-00500'],
    );
    expect(wanted).toEqual([
      { key: 'case:KZL05:2025', last: 40 },
      { key: 'case:KZL05:2026', last: 12 },
      { key: 'complaint:KZL05:2026', last: 7 },
    ]);
    expect(
      countersToRaise(
        wanted,
        new Map([
          ['case:KZL05:2026', 20],
          ['complaint:KZL05:2026', 1],
        ]),
      ),
    ).toEqual([
      { key: 'case:KZL05:2025', last: 40 },
      { key: 'complaint:KZL05:2026', last: 7 },
    ]);
  });
});
