// A deck open in Chromium: what went wrong in the page, and a walk through every slide.
import type { Page } from 'puppeteer-core';

/** Collects console errors, page errors and failed requests from now on. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return problems;
}

const revealState = (page: Page) =>
  page.evaluate(() => {
    const r = (window as any).Reveal;
    return { ...(r.getIndices() as { h: number; v: number }), total: r.getTotalSlides() as number, last: r.isLastSlide() as boolean };
  });

/**
 * Goes through the deck with the arrow keys as a presenter would — down through a vertical
 * stack, then right to the next (fragments step first) — and says how many slides it saw.
 */
export async function walkEverySlide(page: Page): Promise<{ visited: number; total: number }> {
  const visited = new Set<string>();
  const { total } = await revealState(page);
  for (let presses = 0; presses < 20 * total; presses++) {
    const now = await revealState(page);
    visited.add(`${now.h}/${now.v}`);
    if (now.last && visited.size === total) break;
    const below = await page.evaluate(() => (window as any).Reveal.availableRoutes().down as boolean);
    await page.keyboard.press(below ? 'ArrowDown' : 'ArrowRight');
  }
  return { visited: visited.size, total };
}
