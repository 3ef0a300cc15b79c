/**
 * Builds the main process and the preload into dist-electron/ as CommonJS for Node 20 (Electron 45).
 *
 * They are two separate builds (two environments) on purpose: a single multi-entry build would put
 * the code both import (shared/ipc.ts) into a shared chunk, and the sandboxed preload cannot
 * `require` a sibling file, only 'electron'. Each build therefore has one entry and no code splitting.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

const external: Array<string | RegExp> = [
  'electron',
  /^electron\//u,
  /^node:/u,
  ...builtinModules.flatMap((name) => [name, new RegExp(`^${name.replace(/[/\\^$.*+?()[\]{}|-]/gu, '\\$&')}/`, 'u')]),
];

/**
 * `pureZod` lets the preload drop the zod schemas that come along with the channel names from
 * shared/ipc.ts: the preload never validates (the main process does), and an unused copy of zod in the
 * page's preload is only weight. Not used for main, where a side-effecting `z.config()` must survive.
 */
function nodeBundle(entry: string, fileName: string, emptyOutDir: boolean, pureZod: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    // Bundle every dependency (zod, shared/): the packaged app ships no node_modules for these files.
    resolve: { noExternal: true },
    build: {
      outDir: 'dist-electron',
      emptyOutDir,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: fileURLToPath(new URL(entry, import.meta.url)),
        external,
        platform: 'node',
        ...(pureZod ? { treeshake: { manualPureFunctions: ['z'] } } : {}),
        output: {
          format: 'cjs',
          entryFileNames: fileName,
          codeSplitting: false,
        },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  logLevel: 'info',
  build: {
    outDir: 'dist-electron',
    emptyOutDir: true,
  },
  environments: {
    // Built first: it empties dist-electron/.
    main: nodeBundle('./main.ts', 'main.cjs', true, false),
    preload: nodeBundle('./preload.ts', 'preload.cjs', false, true),
  },
  builder: {
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (main === undefined || preload === undefined) throw new Error('electron build environments missing');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
