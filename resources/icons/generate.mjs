#!/usr/bin/env node
/**
 * Renders the app and bundle icons from their SVG sources into what electron-builder needs:
 *   png/<N>x<N>.png  (16-512)  Linux icon set (AppImage, deb) and the window icon on Linux
 *   icon.png          (512)     a single PNG of the app icon
 *   icon.ico          (16-256)  Windows executable, NSIS installer and uninstaller, portable build
 *   bundle.ico        (16-256)  the icon of .qamqor files in Windows Explorer
 * The 16-32 px images come from icon-small.svg (heavier lines that stay legible).
 *
 * Needs two Debian tools: rsvg-convert (apt-get install -y librsvg2-bin) renders the SVGs faithfully,
 * which ImageMagick's own SVG renderer does not; ImageMagick (apt-get install -y imagemagick) packs
 * the .ico files, classic bitmaps for the small sizes and PNG for 256, which every Windows and NSIS
 * version reads.
 *
 * Usage: node resources/icons/generate.mjs
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const SMALL_UP_TO = 32;

function requireTool(command, args, hint) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    console.error(`${command} is missing: ${hint}`);
    process.exit(1);
  }
}

function render(svg, size, out) {
  execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size), '--format', 'png', '--output', out, svg]);
}

function packIco(pngs, out) {
  // -define icon:auto-resize would resample; the images are already rendered at their sizes.
  execFileSync('convert', [...pngs, out]);
}

requireTool('rsvg-convert', ['--version'], 'apt-get install -y librsvg2-bin');
requireTool('convert', ['-version'], 'apt-get install -y imagemagick');

const appSvg = path.join(here, 'icon.svg');
const smallSvg = path.join(here, 'icon-small.svg');
const bundleSvg = path.join(here, 'bundle.svg');
const pngDir = path.join(here, 'png');
mkdirSync(pngDir, { recursive: true });

const pngOf = (size) => path.join(pngDir, `${size}x${size}.png`);
for (const size of PNG_SIZES) render(size <= SMALL_UP_TO ? smallSvg : appSvg, size, pngOf(size));
copyFileSync(pngOf(512), path.join(here, 'icon.png'));
packIco(ICO_SIZES.map(pngOf), path.join(here, 'icon.ico'));

const scratch = mkdtempSync(path.join(os.tmpdir(), 'qamqor-icons-'));
try {
  const bundlePngs = ICO_SIZES.map((size) => {
    const out = path.join(scratch, `bundle-${size}.png`);
    render(bundleSvg, size, out);
    return out;
  });
  packIco(bundlePngs, path.join(here, 'bundle.ico'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`icons written to ${path.relative(process.cwd(), here) || '.'}: png/ (${PNG_SIZES.join(', ')}), icon.png, icon.ico, bundle.ico`);
