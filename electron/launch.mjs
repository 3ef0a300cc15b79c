#!/usr/bin/env node
/**
 * `npm start`: runs the Electron binary on the built app, or says in one line what to do when the
 * binary is missing (downloading it needs Node 22.12+; `npm install` on older Node leaves it out).
 *
 * Plain Node, no dependencies. It never loads the `electron` package's index.js: that starts a
 * download when the binary is missing. It finds the binary the same way (path.txt names it inside
 * dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/) and checks that the file exists.
 *
 *   node electron/launch.mjs --check   only checks (exit 0 silently, or the one line and exit 1)
 *   node electron/launch.mjs [args]    spawns Electron with the args, and exits with its exit code
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What to do, in one line (a developer's console: English). The electron package has no install
 * script: its binary comes from its `install-electron` command (or the first `require('electron')`),
 * whose download needs Node 22.12+.
 */
export function missingBinaryMessage(reason, nodeVersion = process.version) {
  return (
    `Qamqor: the Electron binary is missing (${reason}). ` +
    `Use Node 22.12 or newer (you have ${nodeVersion}) and run \`npx install-electron\` to reinstall it, ` +
    'or run the browser version with `npm run web`.'
  );
}

/**
 * The Electron executable, or the reason there is none.
 * @param {{ packageDir: string | null, env: Record<string, string | undefined>, exists?: (file: string) => boolean, read?: (file: string) => string }} options
 * @returns {{ ok: true, executablePath: string } | { ok: false, reason: string }}
 */
export function findElectronBinary({ packageDir, env, exists = existsSync, read = (file) => readFileSync(file, 'utf8') }) {
  if (packageDir === null) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  const binaryName = exists(pathFile) ? read(pathFile).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const executablePath = path.join(override, binaryName || 'electron');
    return exists(executablePath)
      ? { ok: true, executablePath }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executablePath}` };
  }
  if (binaryName === '') return { ok: false, reason: 'node_modules/electron/path.txt is missing' };
  const executablePath = path.join(packageDir, 'dist', binaryName);
  return exists(executablePath) ? { ok: true, executablePath } : { ok: false, reason: `${executablePath} does not exist` };
}

/** The folder of the installed `electron` package, or null; resolved from `fromDir` like `require('electron')`. */
export function electronPackageDir(fromDir) {
  try {
    return path.dirname(createRequire(path.join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Runs the launcher. Returns the exit code to use; resolves when Electron has exited.
 * @param {{ args: string[], packageDir: string | null, env: Record<string, string | undefined>, cwd?: string, error?: (line: string) => void, spawnProcess?: typeof spawn }} options
 * @returns {Promise<number>}
 */
export function launch({ args, packageDir, env, cwd = process.cwd(), error = (line) => console.error(line), spawnProcess = spawn }) {
  const found = findElectronBinary({ packageDir, env });
  if (!found.ok) {
    error(missingBinaryMessage(found.reason));
    return Promise.resolve(1);
  }
  if (args.length === 1 && args[0] === '--check') return Promise.resolve(0);
  // Set by some editors' terminals; it would turn the binary into a plain Node.js instead of the app.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...childEnv } = env;
  return new Promise((resolve) => {
    const child = spawnProcess(found.executablePath, args, { stdio: 'inherit', cwd, env: childEnv });
    // Ctrl+C in the terminal reaches Electron too (same process group); forward a kill of this script.
    const forward = (signal) => () => child.kill(signal);
    const handlers = { SIGINT: forward('SIGINT'), SIGTERM: forward('SIGTERM') };
    for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
    const done = (code) => {
      for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (failure) => {
      error(`Qamqor: could not start Electron (${found.executablePath}): ${failure.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal === null ? 0 : 1)));
  });
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const code = await launch({ args: process.argv.slice(2), packageDir: electronPackageDir(root), env: process.env, cwd: root });
  process.exit(code);
}
