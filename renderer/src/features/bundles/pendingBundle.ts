/**
 * The hand-over of a bundle file from outside the import page: the desktop shell (a `.qamqor` file
 * opened from the file manager, `platform.onFileOpened`) or any other feature calls
 * `openBundleFromBytes(fileName, bytes)`; the import page takes the file and starts decoding it.
 */
import { create } from 'zustand';
import { navigate } from '../../core/router';

export interface PendingBundleFile {
  fileName: string;
  bytes: Uint8Array;
}

interface PendingBundleState {
  pending: PendingBundleFile | null;
  offer(file: PendingBundleFile): void;
  /** Takes the waiting file (once). */
  take(): PendingBundleFile | null;
}

export const usePendingBundle = create<PendingBundleState>((set, get) => ({
  pending: null,
  offer: (file) => set({ pending: file }),
  take: () => {
    const file = get().pending;
    if (file) set({ pending: null });
    return file;
  },
}));

/** Opens the import page with this file (decoding starts there; nothing is written before the officer applies). */
export function openBundleFromBytes(fileName: string, bytes: Uint8Array): void {
  usePendingBundle.getState().offer({ fileName, bytes });
  navigate({ name: 'section', section: 'bundles', path: ['import'], query: {} });
}
