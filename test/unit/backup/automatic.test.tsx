// @vitest-environment jsdom
/**
 * useAutomaticBackup in the shell: the desktop backs up silently when due (at start and every 10
 * minutes) and when the app quits; the browser never downloads by itself and only marks the backup
 * overdue.
 */
import { cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEDULE_CHECK_MS } from '@shared/backup';
import type { Officer } from '@shared/officers';
import { ServicesProvider } from '../../../renderer/src/core/services';
import { useAppStore } from '../../../renderer/src/core/store';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { useAutomaticBackup } from '../../../renderer/src/features/backup';
import { getBackupSettings, saveBackupSettings } from '../../../renderer/src/features/backup/repository';
import { useBackupStore } from '../../../renderer/src/features/backup/store';
import { ALIYA, BORIS } from '../db/testContext';
import { OFFICE_A, openOffice, type Office } from '../bundles/fixtures';
import { fakeDesktop, type FakeDesktop } from './fakePlatform';

const PASSPHRASE = 'Қызылорда облысы, Арал';
const REQUEST_ID = '6f1c2a4e-0000-4000-8000-0000000000d1';

const ADMIN: Officer = {
  id: 'officer-1',
  login: 'zhanar',
  fullName: OFFICE_A.officerName,
  position: 'Бөлім басшысы',
  roles: ['administrator', 'head'],
  password: { algorithm: 'PBKDF2-SHA-256', iterations: 1, salt: '', hash: '' },
  active: true,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  passwordChangedAt: '2026-01-05T09:00:00.000Z',
};

let office: Office;

/**
 * Retries an assertion with the real setTimeout (testing-library's waitFor polls with setInterval,
 * which these tests fake).
 */
async function waitFor(assertion: () => unknown, options: { timeout?: number } = {}): Promise<void> {
  const end = performance.now() + (options.timeout ?? 5_000);
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (performance.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function mount(desktop: FakeDesktop) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ServicesProvider services={{ db: office.db, platform: desktop.platform }}>{children}</ServicesProvider>
  );
  return renderHook(() => useAutomaticBackup(), { wrapper });
}

async function setPassphrase(intervalHours = 24): Promise<void> {
  const saved = await saveBackupSettings(office.db, office.ctx, {
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
    intervalHours,
    keep: 10,
  });
  if (!saved.ok) throw new Error('settings');
}

beforeEach(async () => {
  // Only the clock and the 10-minute interval are faked: IndexedDB keeps its real timers.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(new Date('2026-11-20T06:00:00.000Z'));
  office = await openOffice(OFFICE_A);
  useAppStore.setState({ office: OFFICE_A, officer: ADMIN });
  useBackupStore.setState({ running: null, quitting: false, schedule: null, version: 0, focusRequest: 0 });
  await addPerson(office.db, office.ctx, ALIYA);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('automatic backups on the desktop', { timeout: 60_000 }, () => {
  it('backs up at start when due, then only when the interval passed and records changed', async () => {
    await setPassphrase(4);
    const desktop = fakeDesktop('folder');
    mount(desktop);
    await waitFor(() => expect(desktop.files.size).toBe(1), { timeout: 20_000 });
    await waitFor(async () => expect((await getBackupSettings(office.db)).last?.reason).toBe('schedule'));

    // 10 minutes later: nothing changed, nothing due.
    vi.setSystemTime(new Date('2026-11-20T06:10:00.000Z'));
    vi.advanceTimersByTime(SCHEDULE_CHECK_MS);
    await waitFor(() => expect(useBackupStore.getState().schedule?.decision).toMatchObject({ due: false, reason: 'unchanged' }));
    // A change, but the interval (4 h) has not passed.
    await addPerson(office.db, office.ctx, BORIS);
    vi.setSystemTime(new Date('2026-11-20T06:20:00.000Z'));
    vi.advanceTimersByTime(SCHEDULE_CHECK_MS);
    await waitFor(() => expect(useBackupStore.getState().schedule?.decision).toMatchObject({ due: false, reason: 'recent' }));
    expect(desktop.writes).toHaveLength(1);
    // Four hours after the first backup the change is backed up.
    vi.setSystemTime(new Date('2026-11-20T10:00:05.000Z'));
    vi.advanceTimersByTime(SCHEDULE_CHECK_MS);
    await waitFor(() => expect(desktop.files.size).toBe(2), { timeout: 20_000 });
  });

  it('makes nothing without a passphrase', async () => {
    const desktop = fakeDesktop('folder');
    mount(desktop);
    await waitFor(() => expect(useBackupStore.getState().schedule?.decision.due).toBe(true));
    vi.advanceTimersByTime(SCHEDULE_CHECK_MS);
    await waitFor(() => expect(useBackupStore.getState().schedule).not.toBeNull());
    expect(desktop.writes).toEqual([]);
  });

  it('answers the quit request: a backup when records changed, skipped when not', async () => {
    await setPassphrase(24);
    const desktop = fakeDesktop('folder');
    mount(desktop);
    await waitFor(() => expect(desktop.files.size).toBe(1), { timeout: 20_000 });
    await waitFor(() => expect(useBackupStore.getState().running).toBeNull());

    desktop.askOnQuit(REQUEST_ID);
    await waitFor(() => expect(desktop.answers).toEqual([{ requestId: REQUEST_ID, outcome: 'skipped' }]));
    expect(desktop.files.size).toBe(1);

    await addPerson(office.db, office.ctx, BORIS);
    vi.setSystemTime(new Date('2026-11-20T07:30:00.000Z'));
    desktop.askOnQuit(REQUEST_ID);
    await waitFor(() => expect(desktop.answers[1]).toEqual({ requestId: REQUEST_ID, outcome: 'done' }), { timeout: 20_000 });
    expect(desktop.files.size).toBe(2);
    expect((await getBackupSettings(office.db)).last?.reason).toBe('quit');
    expect(useBackupStore.getState().quitting).toBe(true);
  });

  it('answers failed when the disk is full, so the app still quits', async () => {
    await setPassphrase(24);
    const desktop = fakeDesktop('folder');
    desktop.freeBytes = 1000;
    mount(desktop);
    await waitFor(async () => expect((await getBackupSettings(office.db)).lastFailure?.code).toBe('disk-full'), { timeout: 20_000 });
    await waitFor(() => expect(useBackupStore.getState().running).toBeNull());
    desktop.askOnQuit(REQUEST_ID);
    await waitFor(() => expect(desktop.answers).toEqual([{ requestId: REQUEST_ID, outcome: 'failed' }]), { timeout: 20_000 });
  });
});

describe('in the browser', { timeout: 60_000 }, () => {
  it('never downloads by itself; the backup is marked overdue', async () => {
    await setPassphrase(24);
    const browser = fakeDesktop('download');
    mount(browser);
    await waitFor(() => expect(useBackupStore.getState().schedule?.decision).toEqual({ due: true, reason: 'never' }));
    vi.advanceTimersByTime(SCHEDULE_CHECK_MS * 3);
    await waitFor(() => expect(useBackupStore.getState().schedule).not.toBeNull());
    expect(browser.writes).toEqual([]);
    expect(browser.platform.saveFile).not.toHaveBeenCalled();
  });
});
