/**
 * The installer configuration, loaded and validated by electron-builder itself (its YAML loader and
 * its JSON schema), without building anything: the Electron binary cannot be downloaded everywhere
 * the tests run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { langIdToName, lcid } from 'app-builder-lib/out/util/langs';
import type { Configuration, FileAssociation, NsisOptions, TargetConfiguration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLE_EXTENSION } from '@shared/ipc';
import { resolveAppLocation } from '../../../electron/paths';

vi.mock('electron', () => ({}));

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  author: { name: string; email: string };
  scripts: Record<string, string>;
};

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

function targetsOf(platform: 'win' | 'linux'): string[] {
  const target = config[platform]?.target;
  const list = Array.isArray(target) ? target : target === undefined || target === null ? [] : [target];
  return list.map((entry: string | TargetConfiguration) => (typeof entry === 'string' ? entry : entry.target));
}

const fromRoot = (relative: string): string => path.join(root, relative);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The image sizes in an .ico directory (0 in the directory means 256). */
function icoSizes(file: string): number[] {
  const bytes = readFileSync(file);
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_unused, index) => {
    const width = bytes.readUInt8(6 + 16 * index);
    return width === 0 ? 256 : width;
  });
}

describe('electron-builder.yml', () => {
  // Loading electron-builder's validator takes seconds on a busy two-core machine: allow it time.
  it("passes electron-builder's own schema validation", { timeout: 60_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really checked by that schema (a misspelt option is refused)', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachnie: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/nsis/u);
  });

  it('names the product and the application id', () => {
    expect(config.productName).toBe('Qamqor');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.appId).toBe('kz.qamqor.app');
    expect(config.directories?.output).toBe('release');
  });

  it('builds an NSIS installer and a portable build for Windows, AppImage and deb for Linux', () => {
    expect(targetsOf('win').sort()).toEqual(['nsis', 'portable']);
    expect(targetsOf('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(config.portable?.artifactName).not.toBe(config.nsis?.artifactName);
  });

  it('installs per user through the assisted installer', () => {
    const nsis = config.nsis as NsisOptions;
    expect(nsis.oneClick).toBe(false);
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(false);
    expect(nsis.selectPerMachineByDefault).toBe(false);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('offers the installer in Kazakh and Russian, Kazakh by default', () => {
    const nsis = config.nsis as NsisOptions;
    expect(nsis.installerLanguages).toEqual(['kk_KZ', 'ru_RU']);
    expect(nsis.multiLanguageInstaller).toBe(true);
    // The ids electron-builder turns into `!insertmacro MUI_LANGUAGE "Kazakh"` / "Russian".
    expect(langIdToName['kk']).toBe('Kazakh');
    expect(langIdToName['ru']).toBe('Russian');
    expect((lcid as Record<string, number>)['kk_KZ']).toBe(1087);
    expect(nsis.language).toBe(String((lcid as Record<string, number>)['kk_KZ']));
  });

  it('gives every target an icon that exists', () => {
    const nsis = config.nsis as NsisOptions;
    const windowsIcons = [config.win?.icon, nsis.installerIcon, nsis.uninstallerIcon, nsis.installerHeaderIcon];
    for (const icon of windowsIcons) {
      expect(icon).toBe('resources/icons/icon.ico');
    }
    expect(icoSizes(fromRoot('resources/icons/icon.ico'))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    // Linux takes a folder of <N>x<N>.png files.
    expect(config.linux?.icon).toBe('resources/icons/png');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(fromRoot(`resources/icons/png/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(existsSync(fromRoot('resources/icons/icon.svg'))).toBe(true);
  });

  it('registers the .qamqor bundle extension for double-click opening', () => {
    const associations = (
      Array.isArray(config.fileAssociations) ? config.fileAssociations : [config.fileAssociations]
    ) as FileAssociation[];
    expect(associations).toHaveLength(1);
    const [bundle] = associations;
    expect(bundle).toEqual({
      ext: BUNDLE_EXTENSION,
      name: 'Qamqor.Bundle',
      description: 'Қамқор іс пакеті / Пакет дел Қамқор',
      mimeType: 'application/x-qamqor-bundle',
      icon: 'resources/icons/bundle.ico',
      role: 'Editor',
    });
    expect(icoSizes(fromRoot('resources/icons/bundle.ico'))).toContain(256);
  });

  it('makes a deb with a maintainer (the package author) and a Linux category', () => {
    expect(config.linux?.maintainer).toBe(`${packageJson.author.name} <${packageJson.author.email}>`);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.executableName).toBe('qamqor');
    expect(config.extraMetadata).toEqual({ desktopName: 'qamqor.desktop' });
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('packs the built app and the window icon main.ts loads at run time', () => {
    const files = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    expect(files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
    // Everything is bundled by vite; the production dependencies must not be shipped a second time.
    expect(files).toContain('!**/node_modules/**');
    expect(packageJson.main.startsWith('dist-electron/')).toBe(true);
    const location = resolveAppLocation({ appPath: root, isPackaged: true, devServerUrl: undefined });
    const iconRelative = path.relative(root, location.iconPath).split(path.sep).join('/');
    expect(files).toContain(iconRelative);
    expect(statSync(location.iconPath).isFile()).toBe(true);
  });

  it('flips the Electron fuses of the security checklist in the packaged binary', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it("decides every fuse electron-builder's schema knows (a new fuse fails here until it is decided)", () => {
    const schemaFile = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const known = Object.keys(schema.definitions['FuseOptionsV1']?.properties ?? {});
    // Not a fuse: a macOS signing step electron-builder already performs after flipping the fuses.
    const fuses = known.filter((name) => name !== 'resetAdHocDarwinSignature');
    expect(fuses.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(fuses.sort());
  });

  it('is what `npm run dist` builds with, after building the app, and never uploads anything', () => {
    expect(packageJson.scripts['dist']).toBe('npm run build && electron-builder --config electron-builder.yml --publish never');
  });
});
