/** Types of electron/launch.mjs (plain Node, run without a build step), for its unit test. */
import type { spawn } from 'node:child_process';

export type BinaryLookup = { ok: true; executablePath: string } | { ok: false; reason: string };

export function missingBinaryMessage(reason: string, nodeVersion?: string): string;

export function findElectronBinary(options: {
  packageDir: string | null;
  env: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  read?: (file: string) => string;
}): BinaryLookup;

export function electronPackageDir(fromDir: string): string | null;

export function launch(options: {
  args: string[];
  packageDir: string | null;
  env: Record<string, string | undefined>;
  cwd?: string;
  error?: (line: string) => void;
  spawnProcess?: typeof spawn;
}): Promise<number>;
