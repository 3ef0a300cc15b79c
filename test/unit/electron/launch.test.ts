/**
 * electron/launch.mjs (`npm start`): the Electron binary is found the way the electron package finds
 * it, without triggering its download; when it is missing, one line says what to do. The launcher is
 * also run as a real child process against a stand-in binary (a shell script).
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary, launch, missingBinaryMessage } from '../../../electron/launch.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const launcher = path.join(root, 'electron', 'launch.mjs');

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'qamqor-launch-'));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** A folder shaped like node_modules/electron, with or without path.txt and the binary. */
async function fakePackage(name: string, options: { pathTxt?: string; binary?: boolean }): Promise<string> {
  const dir = path.join(temp, name);
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  if (options.pathTxt !== undefined) await writeFile(path.join(dir, 'path.txt'), options.pathTxt);
  if (options.binary === true && options.pathTxt !== undefined) await writeFile(path.join(dir, 'dist', options.pathTxt.trim()), '');
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runLauncher(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [launcher, ...args],
      { cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A stand-in Electron: prints its arguments and ELECTRON_RUN_AS_NODE, exits with 7. Named as the real package names it. */
async function fakeBinaryFolder(): Promise<string> {
  const dir = path.join(temp, 'override');
  const installed = electronPackageDir(root);
  const pathTxt = installed === null ? '' : path.join(installed, 'path.txt');
  const name = pathTxt !== '' && existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron';
  const binary = path.join(dir, name);
  await mkdir(path.dirname(binary), { recursive: true });
  await writeFile(binary, '#!/bin/sh\necho "args:$*"\necho "runAsNode:${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n');
  await chmod(binary, 0o755);
  return dir;
}

describe('findElectronBinary', () => {
  it('finds the binary that path.txt names inside dist/', async () => {
    const dir = await fakePackage('complete', { pathTxt: 'electron\n', binary: true });
    expect(findElectronBinary({ packageDir: dir, env: {} })).toEqual({ ok: true, executablePath: path.join(dir, 'dist', 'electron') });
  });

  it('says why when the package, path.txt or the binary is missing', async () => {
    expect(findElectronBinary({ packageDir: null, env: {} })).toEqual({ ok: false, reason: 'the electron package is not installed' });
    const noPathTxt = await fakePackage('no-path-txt', {});
    expect(findElectronBinary({ packageDir: noPathTxt, env: {} })).toEqual({
      ok: false,
      reason: 'node_modules/electron/path.txt is missing',
    });
    const noBinary = await fakePackage('no-binary', { pathTxt: 'electron' });
    expect(findElectronBinary({ packageDir: noBinary, env: {} })).toEqual({
      ok: false,
      reason: `${path.join(noBinary, 'dist', 'electron')} does not exist`,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', async () => {
    const dir = await fakePackage('overridden', {});
    const override = path.join(temp, 'custom-dist');
    await mkdir(override, { recursive: true });
    expect(findElectronBinary({ packageDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.join(override, 'electron')}`,
    });
    await writeFile(path.join(override, 'electron'), '');
    expect(findElectronBinary({ packageDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({
      ok: true,
      executablePath: path.join(override, 'electron'),
    });
  });
});

describe('the one line', () => {
  it('names both ways forward on a single line', () => {
    const line = missingBinaryMessage('node_modules/electron/path.txt is missing', 'v20.19.0');
    expect(line).not.toContain('\n');
    expect(line).toContain('Node 22.12');
    expect(line).toContain('v20.19.0');
    expect(line).toContain('npx install-electron');
    expect(line).toContain('npm run web');
  });

  it('is all launch prints, with exit code 1, when the binary is missing', async () => {
    const lines: string[] = [];
    const spawned: unknown[] = [];
    const code = await launch({
      args: ['.'],
      packageDir: await fakePackage('missing', { pathTxt: 'electron' }),
      env: {},
      error: (line) => lines.push(line),
      spawnProcess: (...args: unknown[]) => {
        spawned.push(args);
        throw new Error('must not spawn');
      },
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Qamqor: the Electron binary is missing .*npm run web`\.$/u);
    expect(spawned).toEqual([]);
  });
});

describe('node electron/launch.mjs (a real child process)', () => {
  it('prints the one line on stderr and exits 1 when the binary is missing', async () => {
    const empty = path.join(temp, 'empty-dist');
    await mkdir(empty, { recursive: true });
    const run = await runLauncher(['.'], { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('npm run web');
  });

  it('--check is silent and exits 0 when the binary is there', async () => {
    const run = await runLauncher(['--check'], { ELECTRON_OVERRIDE_DIST_PATH: await fakeBinaryFolder() });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('starts the binary with the arguments, without ELECTRON_RUN_AS_NODE, and exits with its exit code', async () => {
    const run = await runLauncher(['.', '--lang=kk'], { ELECTRON_OVERRIDE_DIST_PATH: await fakeBinaryFolder(), ELECTRON_RUN_AS_NODE: '1' });
    expect(run.code).toBe(7);
    expect(run.stdout).toBe('args:. --lang=kk\nrunAsNode:unset\n');
    expect(run.stderr).toBe('');
  });
});
