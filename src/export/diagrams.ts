// Draws the build's Mermaid diagrams: Mermaid itself in headless Chromium, since it lays out text by
// measuring it (the DOM-free renderers on npm cover half the diagram kinds; README "Diagrams").
// One browser for a whole build, started only when a deck has a diagram the cache lacks; one page
// per deck, offline, with the themes' fonts so text is measured as the slide shows it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { DeckError } from '../model/deck-error.js';
import { mermaidPackage, type DiagramDrawer, type DiagramRequest, type DrawnOrError } from '../build/diagrams.js';
import { CLIENT_DIR } from '../build/paths.js';
import { DIAGRAM_ID } from '../markdown/plugins/mermaid.js';
import { browserProblem } from './browser/find.js';
import { launchBrowser, type LaunchBrowserOptions } from './browser/launch.js';
import { withPage } from './browser/pages.js';
import { drawMermaid, initMermaid } from './mermaid-page.js';

export interface DiagramDrawerHandle {
  draw: DiagramDrawer;
  /** Closes the browser, if one was started. */
  close(): Promise<void>;
}

/** The drawing page: the themes' fonts (lib/client/fonts.css, local files) and Mermaid. */
async function openDrawingPage(page: Page): Promise<void> {
  // A file: page, so the stylesheet's relative font URLs load (from lib/client only: withPage's `files`).
  await page.goto(pathToFileURL(path.join(CLIENT_DIR, 'fonts.css')).href);
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="fonts.css"></head><body></body></html>',
  );
  await page.addScriptTag({ path: path.join(mermaidPackage().dir, 'dist/mermaid.min.js') });
}

async function drawAll(browser: Browser, requests: DiagramRequest[]): Promise<DrawnOrError[]> {
  return withPage(
    browser,
    async (page) => {
      await openDrawingPage(page);
      const out: DrawnOrError[] = [];
      let theme = '';
      for (const { source, theme: next } of requests) {
        if (JSON.stringify(next) !== theme) {
          theme = JSON.stringify(next);
          await page.evaluate(initMermaid, next.themeVariables);
          const font = `${String(next.themeVariables.fontSize)} ${String(next.themeVariables.fontFamily)}`;
          await page.evaluate((f) => Promise.all([document.fonts.load(f), document.fonts.load(`bold ${f}`)]).then(() => undefined), font);
        }
        try {
          out.push(await page.evaluate(drawMermaid, source, DIAGRAM_ID));
        } catch (error) {
          // The page guard stops a script busy for seconds; the diagram is then an error like a bad one.
          out.push({
            error: `Mermaid failed on it (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
            retry: true,
          });
        }
      }
      return out;
    },
    // A slide's width: a Gantt chart is as wide as the page it is drawn in.
    { files: CLIENT_DIR, viewport: { width: 1280, height: 720 } },
  );
}

export interface DiagramDrawerOptions extends LaunchBrowserOptions {
  /** The browser the caller opens anyway (pdf, check): used, not closed. @defaultValue one launched at the first diagram */
  browser?: () => Promise<Browser>;
}

/** A drawer for one build: the browser starts at the first diagram the cache lacks, and stays until `close()`. */
export function openDiagramDrawer(options: DiagramDrawerOptions = {}): DiagramDrawerHandle {
  let launched: Promise<Browser> | undefined;
  return {
    draw: async (requests) => {
      const problem = browserProblem(options.browserWsEndpoint);
      if (problem) return { unavailable: problem };
      try {
        return await drawAll(await (options.browser?.() ?? (launched ??= launchBrowser(options))), requests);
      } catch (error) {
        // No browser to start, or one that crashed or hung: the build goes on with the diagrams as code.
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { unavailable: error instanceof DeckError ? reason : `the browser failed (${reason})` };
      }
    },
    close: async () => {
      const open = await launched?.catch(() => undefined);
      await open?.close();
    },
  };
}

/** A drawer with a browser of its own for each drawing, closed when done: for the dev server, whose rebuilds seldom miss the cache. */
export function drawDiagramsAlone(options: LaunchBrowserOptions = {}): DiagramDrawer {
  return async (requests) => {
    const drawer = openDiagramDrawer(options);
    try {
      return await drawer.draw(requests);
    } finally {
      await drawer.close();
    }
  };
}
