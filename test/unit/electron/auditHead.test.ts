import { mkdtemp, readdir, readFile, rename, rm, unlink, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_HEAD_FILE, IPC_CHANNELS, type StoredAuditHead } from '@shared/ipc';
import { createAuditHeadHandlers, readHeadFile, writeHeadFile, type AuditHeadDeps, type AuditHeadFs } from '../../../electron/auditHead';
import { parseRequest } from '../../../electron/handlers';
import type { InvokeEventLike } from '../../../electron/ipcTypes';

// auditHead.ts only uses injected file functions; this guards against it ever reaching for Electron.
vi.mock('electron', () => {
  throw new Error('auditHead.ts must not import electron at runtime');
});

const HEAD: StoredAuditHead = {
  format: 'qamqor-audit-head',
  version: 1,
  kind: 'run',
  fromSeq: 11,
  fromPrevDigest: 'e'.repeat(64),
  seq: 12,
  digest: 'f'.repeat(64),
  signedAt: '2026-12-05T08:10:00.000Z',
  publicKey: 'MCowBQYDK2VwAyEA',
  signature: 'c2lnbmF0dXJl',
};

const event: InvokeEventLike = { sender: { id: 1, printToPDF: vi.fn() }, senderFrame: { url: 'app://qamqor/index.html', parent: null } };

let folder = '';
const realFs: AuditHeadFs = { mkdir, writeFile, rename, unlink, readFile };
let suffix = 0;
const deps = (fs: AuditHeadFs = realFs): AuditHeadDeps => ({ folder, fs, tempSuffix: () => `t${(suffix += 1)}` });

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'qamqor-head-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the audit head file', () => {
  it('has no head before the first write, then reads back exactly what was written', async () => {
    expect(await readHeadFile(deps())).toEqual({ ok: true, value: null });
    expect(await writeHeadFile(deps(), HEAD)).toEqual({ ok: true, value: null });
    expect(await readHeadFile(deps())).toEqual({ ok: true, value: HEAD });
    const next = { ...HEAD, fromSeq: 13, seq: 14 };
    expect(await writeHeadFile(deps(), next)).toEqual({ ok: true, value: null });
    expect(await readHeadFile(deps())).toEqual({ ok: true, value: next });
    // Only the head itself is left in the folder: the temporary files were renamed into place.
    expect(await readdir(folder)).toEqual([AUDIT_HEAD_FILE]);
  });

  it('keeps the old head and removes the temporary file when the write fails (a full disk)', async () => {
    await writeHeadFile(deps(), HEAD);
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const failing: AuditHeadFs = {
      ...realFs,
      writeFile: async (filePath, data) => {
        await writeFile(filePath, data.slice(0, 10));
        throw full;
      },
    };
    const result = await writeHeadFile(deps(failing), { ...HEAD, seq: 99 });
    expect(result).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    expect(await readHeadFile(deps())).toEqual({ ok: true, value: HEAD });
    expect(await readdir(folder)).toEqual([AUDIT_HEAD_FILE]);
  });

  it('reports a file that is not JSON or not a signed head instead of trusting it', async () => {
    await writeFile(path.join(folder, AUDIT_HEAD_FILE), '{"seq": 3');
    expect(await readHeadFile(deps())).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await writeFile(path.join(folder, AUDIT_HEAD_FILE), JSON.stringify({ ...HEAD, digest: 'not hex' }));
    expect(await readHeadFile(deps())).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await writeFile(path.join(folder, AUDIT_HEAD_FILE), JSON.stringify({ ...HEAD, extra: 'field' }));
    expect(await readHeadFile(deps())).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('the audit head channels', () => {
  const handlers = (auditHead: AuditHeadDeps | undefined, trusted = true) =>
    createAuditHeadHandlers({ isTrustedSender: () => trusted, parseRequest, auditHead });

  it('writes and reads through the channels', async () => {
    const h = handlers(deps());
    expect(await h[IPC_CHANNELS.auditWriteHead](event, { head: HEAD })).toEqual({ ok: true, value: null });
    expect(await h[IPC_CHANNELS.auditReadHead](event)).toEqual({ ok: true, value: HEAD });
    expect(JSON.parse(await readFile(path.join(folder, AUDIT_HEAD_FILE), 'utf8'))).toEqual(HEAD);
  });

  it('refuses a malformed head, a path smuggled in, extra arguments and a foreign sender without touching the disk', async () => {
    const h = handlers(deps());
    expect(await h[IPC_CHANNELS.auditWriteHead](event, { head: { ...HEAD, seq: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await h[IPC_CHANNELS.auditWriteHead](event, { head: HEAD, fileName: '../../evil.json' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await h[IPC_CHANNELS.auditReadHead](event, 'x')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const foreign = handlers(deps(), false);
    expect(await foreign[IPC_CHANNELS.auditWriteHead](event, { head: HEAD })).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await foreign[IPC_CHANNELS.auditReadHead](event)).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses where the host keeps no head file', async () => {
    const h = handlers(undefined);
    expect(await h[IPC_CHANNELS.auditReadHead](event)).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});
