/**
 * PDF checks for the end-to-end tests with pdf.js from npm only, so a fresh machine needs nothing but
 * Node and Chromium: page count, page size and text are read in Node (pdfjs-dist's legacy build), and a
 * page is rendered to PNG in the Chromium the tests already drive.
 */
import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);

async function openPdf(file: string) {
  return getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
}

export interface PdfInfo {
  pages: number;
  /** Size of the first page in PostScript points (A4 is 595 × 842). */
  widthPt: number;
  heightPt: number;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const doc = await openPdf(file);
  try {
    const first = await doc.getPage(1);
    const { width, height } = first.getViewport({ scale: 1 });
    return { pages: doc.numPages, widthPt: Math.round(width * 100) / 100, heightPt: Math.round(height * 100) / 100 };
  } finally {
    await doc.destroy();
  }
}

/**
 * The text of every page, one line per text row, pages separated by a form feed. Chromium's PDFs split
 * a word into several items where a letter comes from another font (Kazakh ә, қ, ң, ө…), so items are
 * joined by position: a space only where there is a visible gap between them.
 */
export async function pdfText(file: string): Promise<string> {
  const doc = await openPdf(file);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const rows = new Map<number, { x: number; end: number; size: number; str: string }[]>();
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , , scaleY, x, y] = item.transform as number[];
        const row = Math.round(y ?? 0);
        const size = Math.abs(scaleY ?? item.height) || item.height || 10;
        rows.set(row, [...(rows.get(row) ?? []), { x: x ?? 0, end: (x ?? 0) + item.width, size, str: item.str }]);
      }
      pages.push(
        [...rows.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([, items]) => joinRow(items.sort((a, b) => a.x - b.x)))
          .join('\n'),
      );
    }
    return pages.join('\n\f\n');
  } finally {
    await doc.destroy();
  }
}

function joinRow(items: { x: number; end: number; size: number; str: string }[]): string {
  let text = '';
  let previousEnd: number | null = null;
  for (const item of items) {
    const gap = previousEnd === null ? 0 : item.x - previousEnd;
    if (previousEnd !== null && gap > item.size * 0.2 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    text += item.str;
    previousEnd = item.end;
  }
  return text.replace(/\s+/gu, ' ').trim();
}

const PDF_HOST = 'http://pdf-render.invalid';

interface PdfJsWindow {
  renderPdfPage?: (pageNumber: number, scale: number) => Promise<void>;
}

/** Renders one page (1-based) of the PDF to a PNG file in a page of its own, at `scale` × 72 dpi. */
export async function pdfPageToPng(browser: Browser, file: string, pageNumber: number, outPng: string, scale = 1): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const files: Record<string, { path: string; type: string }> = {
      '/pdf.mjs': { path: require.resolve('pdfjs-dist/build/pdf.min.mjs'), type: 'text/javascript' },
      '/pdf.worker.mjs': { path: require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), type: 'text/javascript' },
      '/doc.pdf': { path: file, type: 'application/pdf' },
    };
    await context.route(`${PDF_HOST}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/') {
        return route.fulfill({ contentType: 'text/html', body: RENDER_PAGE });
      }
      const served = files[pathname];
      return served ? route.fulfill({ path: served.path, contentType: served.type }) : route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${PDF_HOST}/`);
    await page.waitForFunction(() => typeof (window as PdfJsWindow).renderPdfPage === 'function');
    await page.evaluate(
      async ({ pageNumber, scale }) => {
        const render = (window as PdfJsWindow).renderPdfPage;
        if (!render) throw new Error('pdf.js did not load');
        await render(pageNumber, scale);
      },
      { pageNumber, scale },
    );
    await page.locator('canvas').screenshot({ path: outPng });
  } finally {
    await context.close();
  }
}

const RENDER_PAGE = `<!doctype html><html><body style="margin:0;background:#fff"><canvas></canvas>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
window.renderPdfPage = async (pageNumber, scale) => {
  const doc = await pdfjs.getDocument('/doc.pdf').promise;
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = document.querySelector('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
};
</script></body></html>`;
