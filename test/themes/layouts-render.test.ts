// Every layout in every built-in theme, in real Chromium at 1280×720: no element sticks out of
// its slide, no text is clipped inside a box. slides/layouts.md is built once per theme (its
// `theme:` swapped), the example deck in its own theme. Screenshots of every slide go to
// test-output/themes/<theme>/ (git-ignored; CI keeps the folder as an artefact).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { BUILTIN_THEMES } from '../../src/model/themes.js';
import { REPO, runCli, SLIDES, tempDir } from '../helpers/cli.js';

const SHOTS = path.join(REPO, 'test-output/themes');

interface Problem {
  slide: string;
  what: string;
}

/** Runs in the page: what sticks out of the current slide or is clipped inside it. */
function measureCurrentSlide(): Problem[] {
  const reveal = (window as any).Reveal;
  const section = reveal.getCurrentSlide() as HTMLElement;
  const { h, v } = reveal.getIndices();
  const name = `${h}/${v} ${section.querySelector('h1, h2')?.textContent?.trim() ?? ''}`;
  const frame = (document.querySelector('.reveal .slides') as HTMLElement).getBoundingClientRect();
  const scale = frame.width / reveal.getConfig().width;
  const problems: Problem[] = [];
  const describe = (el: Element): string => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${text}"`;
  };
  if (section.scrollHeight > reveal.getConfig().height + 1) {
    problems.push({ slide: name, what: `content is ${section.scrollHeight}px tall, the slide ${reveal.getConfig().height}px` });
  }
  for (const el of section.querySelectorAll<HTMLElement>('*')) {
    // A chart's or diagram's SVG is measured as a whole; the table a chart was drawn from is visually hidden on purpose.
    if (!el.matches('.dm-chart-svg, .dm-diagram-svg') && el.closest('aside.notes, .katex-mathml, .dm-chart-data, .dm-video-box, svg'))
      continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const tolerance = 2 * scale;
    if (
      r.left < frame.left - tolerance ||
      r.right > frame.right + tolerance ||
      r.top < frame.top - tolerance ||
      r.bottom > frame.bottom + tolerance
    ) {
      const by = Math.max(frame.left - r.left, r.right - frame.right, frame.top - r.top, r.bottom - frame.bottom) / scale;
      problems.push({ slide: name, what: `${describe(el)} sticks out of the slide by ${Math.round(by)}px` });
    }
    const clipsX = style.overflowX !== 'visible';
    const clipsY = style.overflowY !== 'visible';
    if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
      problems.push({
        slide: name,
        what: `${describe(el)} clips its content (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
      });
    }
  }
  // Charts and diagrams are drawn, not left as an empty box or a sliver.
  for (const svg of section.querySelectorAll('.dm-chart-svg, .dm-diagram-svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width < 200 * scale || r.height < 100 * scale)
      problems.push({ slide: name, what: `${describe(svg)} is only ${Math.round(r.width / scale)}×${Math.round(r.height / scale)}px` });
  }
  // Text that spills out of a visible box (a card, a column, a callout): a word wider than
  // its card shows over the card's edge without being clipped.
  const isBox = (el: Element): boolean => {
    const cs = getComputedStyle(el);
    return cs.backgroundColor !== 'rgba(0, 0, 0, 0)' || parseFloat(cs.borderLeftWidth) > 0 || parseFloat(cs.borderRightWidth) > 0;
  };
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent?.trim() || !parent || parent.closest('aside.notes, .katex-mathml, .dm-chart-data, svg, .dm-video-box')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes: Element[] = [];
    for (let el: Element | null = parent; el && el !== section; el = el.parentElement) if (isBox(el)) boxes.push(el);
    for (const rect of range.getClientRects()) {
      for (const box of boxes) {
        const b = box.getBoundingClientRect();
        const cs = getComputedStyle(box);
        const inner = { left: b.left + parseFloat(cs.borderLeftWidth), right: b.right - parseFloat(cs.borderRightWidth) };
        const by = Math.max(inner.left - rect.left, rect.right - inner.right) / scale;
        if (by > 1) {
          problems.push({
            slide: name,
            what: `text "${node.textContent.trim().slice(0, 30)}" spills ${Math.round(by)}px out of ${describe(box)}`,
          });
          break;
        }
      }
    }
  }
  return problems;
}

/** Visits every slide with all its fragments shown; measures it and takes its screenshot. */
async function checkDeck(page: Page, html: string, shots: string): Promise<{ problems: Problem[]; slides: number }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push((e as Error).message));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as any).Reveal?.isReady());
  await page.evaluate(() => (window as any).Reveal.configure({ transition: 'none', backgroundTransition: 'none', controls: false }));
  // No fade-ins: a screenshot shows every fragment at full strength.
  await page.addStyleTag({ content: '.reveal .slides * { transition: none !important; animation: none !important; }' });
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(shots, { recursive: true });
  const stacks: number[] = await page.evaluate(() =>
    [...document.querySelectorAll('.reveal .slides > section')].map((s) => Math.max(1, s.querySelectorAll(':scope > section').length)),
  );
  const problems: Problem[] = [];
  let n = 0;
  for (const [h, count] of stacks.entries()) {
    for (let v = 0; v < count; v++) {
      await page.evaluate((hh, vv) => (window as any).Reveal.slide(hh, vv, 1000), h, v);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      problems.push(...(await page.evaluate(measureCurrentSlide)));
      n++;
      await page.screenshot({ path: path.join(shots, `${String(n).padStart(2, '0')}.png`) });
    }
  }
  expect(errors).toEqual([]);
  return { problems, slides: n };
}

describe('layouts in every theme, in Chromium at 1280×720', () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = tempDir('deckmark-themes-');
    const source = readFileSync(path.join(SLIDES, 'layouts.md'), 'utf8');
    // Inside the repository, so the deck's project is this one (as slides/ is).
    const decks = path.join(REPO, 'test-output/themes/decks');
    mkdirSync(decks, { recursive: true });
    for (const theme of BUILTIN_THEMES) {
      const file = path.join(decks, `layouts-${theme}.md`);
      // Measured as written: shrink-to-fit (on by default) would hide what these checks look for.
      writeFileSync(file, source.replace(/^theme: .*$/m, `theme: ${theme}\nfit: false`));
      const built = await runCli('build', file, '-o', out);
      expect(built.code, built.stderr).toBe(0);
      expect(built.stderr).not.toMatch(/warning/);
    }
    // A deck that must fail the checks: a word wider than its card, a slide too long.
    const canary = path.join(decks, 'canary.md');
    const long = Array.from({ length: 30 }, (_, i) => `- item ${i}`).join('\n');
    writeFileSync(
      canary,
      `---\nfit: false\n---\n\n::: cards\n### Kommunikasjonsrådgivningsavdelingen\nx\n\n### B\ny\n\n### C\nz\n\n### D\nw\n:::\n\n---\n\n${long}\n`,
    );
    expect((await runCli('build', canary, '-o', out)).code).toBe(0);
    const example = await runCli('build', path.join(SLIDES, 'strategi-sosiale-medier.md'), '-o', out);
    expect(example.code, example.stderr).toBe(0);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(BUILTIN_THEMES.map((t) => [t]))(
    '%s: every layout fits its slide, nothing clipped',
    async (theme) => {
      await withPage(
        browser,
        async (page) => {
          const { problems, slides } = await checkDeck(page, path.join(out, `layouts-${theme}/index.html`), path.join(SHOTS, theme));
          expect(slides).toBeGreaterThanOrEqual(15);
          expect(problems).toEqual([]);
        },
        { viewport: { width: 1280, height: 720 } },
      );
    },
    60_000,
  );

  it('the checks catch text spilling out of a card and a slide that is too long', async () => {
    await withPage(
      browser,
      async (page) => {
        const { problems } = await checkDeck(page, path.join(out, 'canary/index.html'), path.join(SHOTS, 'canary'));
        expect(problems.map((p) => p.what).join('\n')).toMatch(
          /text "Kommunikasjonsrådgivningsavdel.*" spills \d+px out of <div class="dm-card"/,
        );
        expect(problems.map((p) => p.what).join('\n')).toMatch(/content is \d+px tall, the slide 720px/);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('the example deck fits every slide in its theme', async () => {
    await withPage(
      browser,
      async (page) => {
        const { problems, slides } = await checkDeck(
          page,
          path.join(out, 'strategi-sosiale-medier/index.html'),
          path.join(SHOTS, 'example'),
        );
        expect(slides).toBeGreaterThanOrEqual(20);
        expect(problems).toEqual([]);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  }, 90_000);
});
