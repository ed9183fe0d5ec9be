// Where each key of a YAML (or JSON) text is, nested ones too (`pdf.notes`), recorded from
// js-yaml's own parse events while it reads the text: the lines are those of the parser that
// read the values, with no second parser to disagree with it (reveal-md reads with js-yaml too).
import type { State } from 'js-yaml';

/** A key's 1-based line and column in the file. */
interface KeyPlace {
  line: number;
  column: number;
}

/** Every key of the text's mappings by its path, `title` or `pdf.notes` (keys inside lists are left out). */
export type KeyPlaces = Record<string, KeyPlace>;

interface ParsedNode {
  line: number;
  column: number;
  kind?: string;
  value?: unknown;
  children: ParsedNode[];
}

/**
 * A js-yaml `listener` and the key places it gathered once `load` is done. `firstLine` is the
 * file line of the text's first line. A mapping's nodes come as key, value, key, value…;
 * one that does not (a `? key` without a value) gives its keys no places.
 */
export function keyPlacesRecorder(firstLine: number): {
  listener: (event: 'open' | 'close', state: State) => void;
  places: () => KeyPlaces;
} {
  const open: ParsedNode[] = [{ line: 0, column: 0, children: [] }];
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      open.push({ line: state.line, column: state.position - state.lineStart, children: [] });
      return;
    }
    const node = open.pop()!;
    node.kind = state.kind;
    node.value = state.result;
    open[open.length - 1].children.push(node);
  };
  const places = (): KeyPlaces => {
    const found: KeyPlaces = {};
    const walk = (node: ParsedNode, path: string): void => {
      // A flow collection is read inside a node of its own that ends with the same value.
      if (node.children.length === 1 && node.children[0].value === node.value) return walk(node.children[0], path);
      if (node.kind !== 'mapping' || node.children.length % 2 !== 0) return;
      for (let i = 0; i < node.children.length; i += 2) {
        const { value: key, line, column } = node.children[i];
        if (key !== null && typeof key === 'object') continue;
        const at = path + String(key);
        found[at] ??= { line: line + firstLine, column: column + 1 };
        walk(node.children[i + 1], `${at}.`);
      }
    };
    if (open[0].children[0]) walk(open[0].children[0], '');
    return found;
  };
  return { listener, places };
}

/** Where a mapping's keys are (the one at `prefix`, `deckmark.` in a package.json): its own keys' lines and columns, and its nested keys' places by path. */
export function settingPlaces(
  places: KeyPlaces,
  data: Record<string, unknown>,
  prefix = '',
): { keyLines: Record<string, number>; keyColumns: Record<string, number>; nestedKeys: KeyPlaces } {
  const keyLines: Record<string, number> = {};
  const keyColumns: Record<string, number> = {};
  for (const key of Object.keys(data)) {
    const place = places[prefix + key];
    if (!place) continue;
    keyLines[key] = place.line;
    keyColumns[key] = place.column;
  }
  const nestedKeys: KeyPlaces = {};
  for (const [path, place] of Object.entries(places)) {
    const own = path.slice(prefix.length);
    if (path.startsWith(prefix) && own.includes('.') && !(own in keyLines)) nestedKeys[own] = place;
  }
  return { keyLines, keyColumns, nestedKeys };
}
