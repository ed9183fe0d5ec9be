// Shrink-to-fit, one algorithm for the screen (the deck, the embed view, `serve`) and the PDF:
// a slide whose content is taller or wider than the slide is scaled down as a whole, so nothing
// is cut off. `check` measures without it and stays the gate that reports such slides.
// reveal.js's `r-fit-text` is fitted again here once the fonts are in: reveal measures it as
// soon as a slide is shown, often with a fallback font narrower than the real one.

interface FitReport {
  /** The slide's first source line (its section's data-line). */
  line: number;
  /** Pixels of content past the bottom and past the right edge of the slide, before fitting. */
  overflowY: number;
  overflowX: number;
  /** The scale the slide was shrunk to. */
  scale: number;
}

/** reveal.js's own bounds for `r-fit-text` (slidecontent.js). */
const FIT_TEXT_MIN_PX = 24;

/**
 * Sizes an `r-fit-text` element to fill its container's width as reveal.js's fitty does, but
 * inside the container's padding (fitty fills the padding too, and a padded slide cuts the text).
 */
function fitText(el: HTMLElement, maxSize: number): void {
  const parent = el.parentElement;
  if (!parent || el.getClientRects().length === 0) return;
  el.style.display = 'inline-block';
  el.style.whiteSpace = 'nowrap';
  const box = getComputedStyle(parent);
  const room = parent.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
  const size = parseFloat(getComputedStyle(el).fontSize);
  if (room <= 0 || el.scrollWidth === 0) return;
  const fitted = Math.min(maxSize, Math.max(FIT_TEXT_MIN_PX, (size * room) / el.scrollWidth));
  el.style.fontSize = `${Math.floor(fitted * 100) / 100}px`;
}

/** Fits every `r-fit-text` element of a scope. */
function fitTexts(scope: ParentNode, maxSize: number): void {
  for (const el of scope.querySelectorAll<HTMLElement>('.r-fit-text')) fitText(el, maxSize);
}

/** The wrapper that carries the scale: the print view forces `transform: none` on sections. */
function wrapperOf(section: HTMLElement): HTMLElement | undefined {
  const first = section.firstElementChild;
  return first instanceof HTMLElement && first.classList.contains('dm-fit') ? first : undefined;
}

/**
 * Scales a slide's content down until it fits `width` × `height` (layout pixels, unaffected by
 * reveal's own scaling of the deck), and says by how much it overflowed. Safe to run again: the
 * slide is measured as it would be unscaled each time.
 */
function fitSlide(section: HTMLElement, width: number, height: number): FitReport | undefined {
  let wrapper = wrapperOf(section);
  if (wrapper) wrapper.style.cssText = '';
  const overflowY = Math.round(section.scrollHeight - height);
  const overflowX = Math.round(section.scrollWidth - width);
  if (overflowY <= 1 && overflowX <= 1) return undefined;
  if (!wrapper) {
    wrapper = document.createElement('div');
    wrapper.className = 'dm-fit';
    wrapper.append(...section.childNodes);
    section.append(wrapper);
  }
  const style = getComputedStyle(section);
  const roomY = height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const roomX = wrapper.clientWidth;
  const contentY = wrapper.scrollHeight;
  const contentX = Math.max(wrapper.scrollWidth, roomX);
  const scale = Math.min(1, roomY / contentY, roomX / contentX, height / section.scrollHeight, width / section.scrollWidth);
  if (scale >= 0.999) return undefined;
  // Scaled from the top left, then moved to the middle; the layout height shrinks with it so
  // that reveal.js centres the slide by what is seen.
  Object.assign(wrapper.style, {
    transformOrigin: '0 0',
    transform: `translateX(${(roomX - contentX * scale) / 2}px) scale(${scale})`,
    height: `${contentY * scale}px`,
  });
  const line = Number(section.dataset.line);
  return { line, overflowY: Math.max(0, overflowY), overflowX: Math.max(0, overflowX), scale };
}

/** The parts of reveal.js's API the fit uses. */
interface FitDeck {
  on(event: string, handler: () => void): void;
  layout(): void;
  layoutSlideContents(width: number, height: number): void;
  isScrollView?(): boolean;
}

interface FitWindow {
  /** Fits every slide of the print view and reports the ones shrunk: the PDF export calls it. */
  deckmarkFitPrintView?: () => Promise<FitReport[]>;
}

/** Fits the printed slides (once the exporter has waited for fonts and images), centring them again. */
async function fitPrintView(deck: FitDeck, width: number, height: number, center: boolean): Promise<FitReport[]> {
  // reveal.js's own r-fit-text fitting waits for a frame: let it be done first.
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
  fitTexts(document, height * 0.8);
  deck.layoutSlideContents(width, height); // r-stretch, measured with the real fonts
  const reports: FitReport[] = [];
  const seen = new Set<number>();
  for (const section of document.querySelectorAll<HTMLElement>('.pdf-page section:not(.stack)')) {
    const report = fitSlide(section, width, height);
    if (!report) continue;
    if (center || section.classList.contains('center')) section.style.top = `${Math.max(0, (height - section.scrollHeight) / 2)}px`;
    if (!seen.has(report.line)) reports.push(report);
    seen.add(report.line);
  }
  return reports;
}

/** Fits the slides reveal.js shows now (the current one and its neighbours). */
function fitShownSlides(deck: FitDeck, width: number, height: number): void {
  if (deck.isScrollView?.()) return;
  fitTexts(document.querySelector('.reveal .slides') ?? document, height * 0.8);
  let changed = false;
  for (const section of document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')) {
    if (section.getClientRects().length === 0) continue; // not shown: measured when it is
    const before = section.scrollHeight;
    fitSlide(section, width, height);
    changed ||= section.scrollHeight !== before;
  }
  if (changed) deck.layout(); // centred again by its new height
}

/**
 * Shrink-to-fit as a reveal.js plugin (a plugin is handed the whole of reveal.js, its layout
 * helpers included): on screen, unless the deck says `fit: false`, whenever slides are shown
 * and once fonts and images have loaded; in the print view when the exporter asks.
 */
export function fitPlugin(printView: boolean): { id: string; init(deck: FitDeck & { getConfig(): Record<string, unknown> }): void } {
  return {
    id: 'deckmark-fit',
    init(deck) {
      const config = deck.getConfig();
      const width = Number(config.width) || 960;
      const height = Number(config.height) || 700;
      // reveal.js fits r-fit-text in a later frame each time a slide is shown; fitty says so with
      // a `fit` event (which does not bubble: heard while it goes down).
      document.addEventListener(
        'fit',
        (event) =>
          event.target instanceof HTMLElement && event.target.classList.contains('r-fit-text') && fitText(event.target, height * 0.8),
        true,
      );
      if (printView) {
        (window as FitWindow).deckmarkFitPrintView = () => fitPrintView(deck, width, height, config.center !== false);
        return;
      }
      if (config.fit === false) return;
      const fit = () => fitShownSlides(deck, width, height);
      deck.on('ready', () => {
        fit();
        // A font is fetched when a slide first uses it: measure again once it is in.
        void document.fonts.ready.then(fit);
        document.fonts.addEventListener('loadingdone', fit);
        for (const img of document.querySelectorAll('.reveal .slides img')) img.addEventListener('load', fit);
      });
      deck.on('slidechanged', fit);
      deck.on('overviewhidden', fit);
    },
  };
}
