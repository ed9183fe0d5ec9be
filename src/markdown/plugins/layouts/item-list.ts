// The shared shape of `::: goals` and `::: timeline`: a numbered list whose items each have a
// title and details. Written as a list (`1. Goal` with sub-points) or as a `###` heading per item.
import type { StateCore, Token } from 'markdown-it';
import { attrText } from '../../attributes.js';
import type { SlideEnv } from '../../env.js';
import {
  blocksOf,
  divClasses,
  gridColumns,
  hasClass,
  isList,
  sectionsOf,
  tag,
  tokensOf,
  type LayoutResult,
  type LayoutTransform,
} from './layout-tokens.js';

export interface ItemListNames {
  /** The layout's name: its list gets `dm-<layout>-list`. */
  layout: string;
  /** What one item is called in a warning ("goal", "step"). */
  noun: string;
  /** Class of each item, of its title, and of the lists inside it. */
  item: string;
  title: string;
  details: string;
}

const LIST_OPEN = /^(bullet|ordered)_list_open$/;

function removeFragment(token: Token): void {
  const rest = (attrText(token, 'class') ?? '').split(/\s+/).filter((c) => c && c !== 'fragment');
  if (rest.length) token.attrSet('class', rest.join(' '));
  else token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'class');
}

/**
 * With `incremental` (the deck's, an enclosing `::: incremental`, or `{.incremental}` on the
 * div) the items appear one by one, each with its details: the items are the fragments.
 */
function itemsAppearOneByOne(state: StateCore, open: Token, inner: Token[]): boolean {
  return (
    divClasses(open).includes('incremental') ||
    inner.some((t) => t.type === 'list_item_open' && hasClass(t, 'fragment')) ||
    (!inner.some((t) => t.type === 'list_item_open') && (state.env as SlideEnv).incremental)
  );
}

export function itemListTransform(names: ItemListNames): LayoutTransform {
  return (state, open, inner): LayoutResult => {
    const incremental = itemsAppearOneByOne(state, open, inner);
    const blocks = blocksOf(inner);
    const { intro, sections } = sectionsOf(inner, blocks);
    const listClass = `dm-${names.layout}-list`;

    if (sections.length === 0) {
      const lists = blocks.filter((b) => isList(inner, b));
      if (lists.length !== 1) {
        return {
          problem: `it needs one list of ${names.noun}s (\`1. …\` with indented sub-points) or a \`###\` heading per ${names.noun}, found ${lists.length} lists`,
        };
      }
      for (const t of inner) if (t.type === 'list_item_open') removeFragment(t);
      const list = lists[0];
      const listOpen = inner[list.start];
      listOpen.tag = inner[list.end].tag = 'ol';
      listOpen.attrJoin('class', listClass);
      let count = 0;
      for (let i = list.start + 1; i < list.end; i++) {
        const t = inner[i];
        if (t.type !== 'list_item_open' || t.level !== listOpen.level + 1) continue;
        count++;
        t.attrJoin('class', names.item);
        if (incremental) t.attrJoin('class', 'fragment');
        const first = inner[i + 1];
        if (first?.type === 'paragraph_open') {
          first.hidden = false;
          first.attrJoin('class', names.title);
          const close = inner.findIndex((c, k) => k > i + 1 && c.type === 'paragraph_close' && c.level === first.level);
          if (close > 0) inner[close].hidden = false;
        }
        for (let k = i + 1; k < list.end && inner[k].level > t.level; k++) {
          if (LIST_OPEN.test(inner[k].type) && inner[k].level === t.level + 1) inner[k].attrJoin('class', names.details);
        }
      }
      listOpen.attrSet('style', `--dm-cols:${gridColumns(count)}`);
      return { tokens: inner };
    }

    for (const t of inner) if (t.type === 'list_item_open') removeFragment(t);
    const out: Token[] = intro.flatMap((b) => tokensOf(inner, b));
    out.push(tag(state, 'ol', 1, { class: listClass, style: `--dm-cols:${gridColumns(sections.length)}` }));
    for (const section of sections) {
      out.push(tag(state, 'li', 1, { class: incremental ? `${names.item} fragment` : names.item }));
      const heading = tokensOf(inner, section.heading);
      heading[0].attrJoin('class', names.title);
      out.push(...heading);
      for (const block of section.body) {
        if (isList(inner, block)) inner[block.start].attrJoin('class', names.details);
        out.push(...tokensOf(inner, block));
      }
      out.push(tag(state, 'li', -1));
    }
    out.push(tag(state, 'ol', -1));
    return { tokens: out };
  };
}
