/**
 * The signed head of the audit chain kept outside IndexedDB (issue 19, shared/audit/README.md "The head
 * file"): `<userData>/audit-head.json`. Whoever edits or truncates the database (developer tools, a
 * copied profile) does not change this file, so the renderer compares the chain with it at start and
 * reports a trail that is shorter than the head or no longer holds it.
 *
 * - Written atomically: the JSON goes to a temporary file beside it and is renamed over the old one, so
 *   a crash or a full disk never leaves half a head (the old one stays).
 * - Read back validated (`signedAuditHeadSchema`): a file that is not a head is reported, not trusted.
 *   The signature is the renderer's to verify against the office key; the main process holds no key.
 * - The renderer names no path: the file name is the main process's own.
 *
 * Like handlers.ts, nothing here imports Electron at runtime.
 */
import path from 'node:path';
import type { ZodType } from 'zod';
import {
  AUDIT_HEAD_FILE,
  auditWriteHeadRequest,
  IPC_CHANNELS,
  signedAuditHeadSchema,
  type IpcError,
  type IpcResult,
  type StoredAuditHead,
} from '@shared/ipc';
import { err, ok } from '@shared/result';
import type { InvokeEventLike, IpcHandler } from './ipcTypes';

export type AuditHeadChannel = typeof IPC_CHANNELS.auditWriteHead | typeof IPC_CHANNELS.auditReadHead;

/** The parts of `fs.promises` the head file needs. */
export interface AuditHeadFs {
  mkdir(dirPath: string, options: { recursive: true }): Promise<unknown>;
  writeFile(filePath: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  readFile(filePath: string, encoding: 'utf8'): Promise<string>;
}

export interface AuditHeadDeps {
  /** `<userData>`, absolute: the file is `<userData>/audit-head.json`. */
  readonly folder: string;
  readonly fs: AuditHeadFs;
  /** A fresh suffix for the temporary file (a random UUID in the app). */
  readonly tempSuffix: () => string;
}

/** What handlers.ts lends this module (no import of handlers.ts: no cycle). */
export interface AuditHeadHandlerContext {
  readonly isTrustedSender: (event: InvokeEventLike) => boolean;
  readonly parseRequest: <T>(schema: ZodType<T>, args: readonly unknown[]) => IpcResult<T>;
  /** Absent where the host keeps no head file (tests of other channels): every call is refused. */
  readonly auditHead?: AuditHeadDeps | undefined;
}

const forbidden: IpcError = { code: 'forbidden-sender' };
const unavailable: IpcError = { code: 'io-error', detail: 'the audit head file is not available here' };

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function ioError(error: unknown): IpcError {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: code === 'ENOSPC' || code === 'EDQUOT' ? 'disk-full' : 'io-error', detail };
}

/** Writes `head` atomically: temporary file, then rename; the temporary file is removed on failure. */
export async function writeHeadFile(deps: AuditHeadDeps, head: StoredAuditHead): Promise<IpcResult<null>> {
  const target = path.join(deps.folder, AUDIT_HEAD_FILE);
  const temp = path.join(deps.folder, `.${AUDIT_HEAD_FILE}.${deps.tempSuffix()}.tmp`);
  try {
    await deps.fs.mkdir(deps.folder, { recursive: true });
    await deps.fs.writeFile(temp, `${JSON.stringify(head, null, 1)}\n`);
    await deps.fs.rename(temp, target);
    return ok(null);
  } catch (error) {
    await deps.fs.unlink(temp).catch(() => undefined);
    return err(ioError(error));
  }
}

/** The stored head, shape-checked; null when there is no file yet. */
export async function readHeadFile(deps: AuditHeadDeps): Promise<IpcResult<StoredAuditHead | null>> {
  let text: string;
  try {
    text = await deps.fs.readFile(path.join(deps.folder, AUDIT_HEAD_FILE), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return ok(null);
    return err(ioError(error));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ code: 'invalid-argument', detail: `${AUDIT_HEAD_FILE} is not JSON` });
  }
  const parsed = signedAuditHeadSchema.safeParse(json);
  if (!parsed.success) return err({ code: 'invalid-argument', detail: `${AUDIT_HEAD_FILE} is not a signed audit head` });
  return ok(parsed.data);
}

export function createAuditHeadHandlers(ctx: AuditHeadHandlerContext): Record<AuditHeadChannel, IpcHandler> {
  const writeHead: IpcHandler = async (event, ...args) => {
    if (!ctx.isTrustedSender(event)) return err(forbidden);
    const request = ctx.parseRequest(auditWriteHeadRequest, args);
    if (!request.ok) return request;
    if (!ctx.auditHead) return err(unavailable);
    return writeHeadFile(ctx.auditHead, request.value.head);
  };
  const readHead: IpcHandler = async (event, ...args) => {
    if (!ctx.isTrustedSender(event)) return err(forbidden);
    if (args.length !== 0) return err({ code: 'invalid-argument', detail: 'readHead takes no arguments' });
    if (!ctx.auditHead) return err(unavailable);
    return readHeadFile(ctx.auditHead);
  };
  return { [IPC_CHANNELS.auditWriteHead]: writeHead, [IPC_CHANNELS.auditReadHead]: readHead };
}
