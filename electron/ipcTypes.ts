/**
 * The shapes of an IPC invoke call as the handlers see them. Kept apart from handlers.ts and backup.ts
 * so that both can use them without importing each other (no import cycle, type-only ones included).
 *
 * Nothing here imports Electron at runtime.
 */
import type { PrintToPDFOptions } from 'electron';
import type { IpcResult } from '@shared/ipc';

/** The parts of a `WebFrameMain` the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  /** null for a main frame; any frame object for an iframe. */
  readonly parent: unknown;
}

/** The parts of a `WebContents` the handlers use. */
export interface SenderContentsLike {
  readonly id: number;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

/** The parts of an `IpcMainInvokeEvent` the handlers use. */
export interface InvokeEventLike {
  readonly sender: SenderContentsLike;
  readonly senderFrame: SenderFrameLike | null;
}

export type IpcHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcResult<unknown>>;

/**
 * A handler whose answer needs no waiting, written as a plain function: the answer comes back as a
 * promise like every handler's, and a throw becomes a rejected promise, as from an async function.
 */
export function immediateHandler(answer: (event: InvokeEventLike, args: readonly unknown[]) => IpcResult<unknown>): IpcHandler {
  return (event, ...args) => new Promise((resolve) => resolve(answer(event, args)));
}
