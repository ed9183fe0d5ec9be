// The deck for screen readers and keyboards (SPEC §3 "Accessibility"), set up once reveal.js is
// ready:
// - reveal.js puts role="application" on the deck, which takes a screen reader out of browse
//   mode: the current slide cannot be read line by line, its links and tables not listed
//   (hakimel/reveal.js #3772). The deck becomes a labelled region instead (role="region",
//   aria-roledescription "slide deck"): the arrows still go to reveal.js, and browse mode reads
//   the current slide, the only one in the accessibility tree (reveal.js hides the others).
// - Slide changes are announced in the deck's language ("Slide 3 of 24: Title") by a live
//   region of ours; reveal.js's own (the whole slide's text at once) is silenced.
// - Fragments not yet shown are inert: hidden from assistive technology and from Tab.
// - reveal.js's arrows are labelled in the deck's language; `T` opens the text version.
// - In the print view (the PDF) every page's slide is in the accessibility tree, which Chromium
//   tags the PDF from.

interface AccessibleDeck {
  on(type: string, listener: (event: Event & { fragment?: HTMLElement }) => void): void;
  getRevealElement(): HTMLElement | null;
  getCurrentSlide(): HTMLElement | undefined;
  getTotalSlides(): number;
  getSlidePastCount(slide?: HTMLElement): number;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: (event: KeyboardEvent) => void): void;
}

/** The strings the page carries in its language (compile/render-deck.ts, clientStrings). */
interface ClientStrings {
  title: string;
  slideOf: string;
  slideDeck: string;
  previousSlide: string;
  nextSlide: string;
  slideAbove: string;
  slideBelow: string;
  textVersion: string;
}

function readStrings(): ClientStrings | undefined {
  const text = document.getElementById('deckmark-ui')?.textContent;
  return text ? (JSON.parse(text) as ClientStrings) : undefined;
}

/** "Slide 3 of 24: Title", the title being the slide's first heading. */
function slideAnnouncement(strings: ClientStrings, n: number, total: number, slide: HTMLElement | undefined): string {
  const where = strings.slideOf.replace('{n}', String(n)).replace('{total}', String(total));
  const title = slide?.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.replace(/\s+/g, ' ').trim();
  return title ? `${where}: ${title}` : where;
}

function hideFutureFragments(root: HTMLElement): void {
  for (const fragment of root.querySelectorAll<HTMLElement>('.slides section .fragment')) {
    fragment.inert = !fragment.classList.contains('visible');
  }
}

function labelControls(root: HTMLElement, strings: ClientStrings): void {
  const labels: [string, string][] = [
    ['.navigate-left', strings.previousSlide],
    ['.navigate-right', strings.nextSlide],
    ['.navigate-up', strings.slideAbove],
    ['.navigate-down', strings.slideBelow],
  ];
  for (const [selector, label] of labels) {
    for (const button of root.querySelectorAll<HTMLElement>(`.controls ${selector}`)) button.setAttribute('aria-label', label);
  }
}

/**
 * In the print view every slide is a page, yet reveal.js leaves the slides it hid on screen
 * `hidden` and `aria-hidden` (its print CSS shows them anyway). Chromium tags the PDF from the
 * accessibility tree, so those pages had no headings, paragraphs or figures in the PDF's
 * structure: every slide is shown to assistive technology too.
 */
function showEverySlide(deck: AccessibleDeck): void {
  for (const slide of deck.getRevealElement()?.querySelectorAll<HTMLElement>('.slides section') ?? []) {
    slide.removeAttribute('hidden');
    slide.removeAttribute('aria-hidden');
  }
}

/** Sets the deck up for assistive technology; in the print view (the PDF), only every slide shown to it. */
export function setUpAccessibility(deck: AccessibleDeck, printView: boolean): void {
  // The gallery's live thumbnail (`?thumbnail`) and the speaker view's previews (`?receiver`) are
  // pictures of a slide: no links on them, nor the text-version link's band.
  const query = new URLSearchParams(window.location.search);
  if (query.has('thumbnail') || query.has('receiver')) document.documentElement.classList.add('dm-thumbnail');
  if (printView) {
    deck.on('ready', () => showEverySlide(deck));
    deck.on('pdf-ready', () => showEverySlide(deck));
    return;
  }
  const strings = readStrings();
  if (!strings) return;
  const live = document.createElement('div');
  live.className = 'dm-live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const say = (text: string): void => {
    live.textContent = text;
  };
  const announceSlide = (): void => {
    const slide = deck.getCurrentSlide();
    say(slideAnnouncement(strings, deck.getSlidePastCount() + 1, deck.getTotalSlides(), slide));
  };

  deck.on('ready', () => {
    const root = deck.getRevealElement();
    if (!root) return;
    root.setAttribute('role', 'region');
    root.setAttribute('aria-roledescription', strings.slideDeck);
    root.setAttribute('aria-label', strings.title);
    const status = root.querySelector('.aria-status');
    status?.setAttribute('aria-live', 'off');
    status?.setAttribute('aria-hidden', 'true');
    root.after(live);
    labelControls(root, strings);
    hideFutureFragments(root);
    const link = document.querySelector<HTMLAnchorElement>('.dm-read-link');
    if (link) deck.addKeyBinding({ keyCode: 84, key: 'T', description: strings.textVersion }, () => link.click());
  });
  deck.on('slidechanged', () => {
    const root = deck.getRevealElement();
    if (root) hideFutureFragments(root);
    announceSlide();
  });
  const onFragment = (event: Event & { fragment?: HTMLElement }): void => {
    const root = deck.getRevealElement();
    if (root) hideFutureFragments(root);
    if (event.type === 'fragmentshown' && event.fragment) say(event.fragment.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  };
  deck.on('fragmentshown', onFragment);
  deck.on('fragmenthidden', onFragment);
}
