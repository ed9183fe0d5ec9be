// splitSlides() and findFences(): where slides and notes start, in source lines.
import { describe, expect, it } from 'vitest';
import { fencedLines, findFences } from '../../src/compile/code-fences.js';
import { splitSlides } from '../../src/compile/split-slides.js';

const lines = (...l: string[]): string => l.join('\n');

describe('splitSlides', () => {
  it('gives each slide its text, its 0-based first line and its 1-based range', () => {
    const stacks = splitSlides(lines('# A', '', '---', '', '# B'), {}, 3);
    expect(stacks).toHaveLength(2);
    expect(stacks[1][0].body.line).toBe(6); // the separator's line break is part of it, as in reveal-md
    expect(stacks[1][0].range).toEqual({ start: 8, end: 8 });
    expect(stacks[0][0].range).toEqual({ start: 4, end: 4 });
  });

  it('starts the notes on the first line after the marker that has text', () => {
    const [[slide]] = splitSlides(lines('Body', '', 'Note:', '', '', 'First note line'));
    expect(slide.notes?.text).toBe('First note line');
    expect(slide.notes?.line).toBe(5);
    expect(slide.body.text).toBe('Body\n\n');
  });

  it('keeps notes on the marker line when text follows it', () => {
    const [[slide]] = splitSlides(lines('Body', 'Notes: same line', 'next'));
    expect(slide.notes).toEqual({ text: ' same line\nnext', line: 1 });
  });

  it('splits on the first notes marker only', () => {
    const [[slide]] = splitSlides(lines('Body', 'Note: one', 'Note: two'));
    expect(slide.notes?.text).toBe(' one\nNote: two');
  });

  it('follows reveal.js for a vertical separator first: it grows the first stack', () => {
    const stacks = splitSlides(lines('A', '', '----', '', 'B', '', '---', '', 'C'));
    expect(stacks.map((s) => s.length)).toEqual([2, 1]);
  });

  it('never loops on a separator that matches the empty string', () => {
    expect(splitSlides(lines('A', 'B'), { separator: 'x*' })).toHaveLength(1);
    expect(splitSlides(lines('A', 'B'), { separator: '^', verticalSeparator: '$' })).toHaveLength(1);
  });

  it('marks a dash separator right under a line of text (a setext heading in other Markdown), and no other', () => {
    const stacks = splitSlides(
      lines('Title', '---', '# H', '---', '```', 'Code', '```', '---', 'Text', '', '---', 'Item', '----', 'End'),
      {},
      10,
    );
    expect(stacks.flat().map((s) => s.textAboveSeparator)).toEqual([12, undefined, undefined, undefined, 23, undefined]);
    const custom = splitSlides(lines('Text', '##==##', 'More', '---', 'End'), { separator: '##==##', verticalSeparator: '^---$' });
    expect(custom.flat().map((s) => s.textAboveSeparator)).toEqual([undefined, 4, undefined]);
  });

  it('uses a lone verticalSeparator with the default horizontal one', () => {
    const stacks = splitSlides(lines('A', '', '---', '', 'B', '--', 'C'), { verticalSeparator: '^--$' });
    expect(stacks.map((s) => s.length)).toEqual([1, 2]);
  });
});

describe('findFences', () => {
  const none = (): boolean => false;

  it('finds ``` and ~~~ fences and a longer fence around a shorter one', () => {
    const src = ['````md', '```js', 'x', '```', '````', '', '~~~', '```', '~~~'];
    expect(findFences(src, none)).toEqual([
      { open: 0, close: 4 },
      { open: 6, close: 8 },
    ]);
  });

  it('runs an unclosed fence to the end', () => {
    expect(findFences(['```', 'a', '', '---', 'b'], none)).toEqual([{ open: 0, close: 4 }]);
  });

  it('ends an unclosed fence before the next boundary when a fence with an info string follows', () => {
    const src = ['```', 'a', '', '---', '', '```js', 'b', '```'];
    expect(findFences(src, (i) => i === 3)).toEqual([
      { open: 0, close: 2 },
      { open: 5, close: 7 },
    ]);
  });

  it('does not take a backtick line with backticks in its info string for a fence', () => {
    expect(findFences(['```a`b', '---'], none)).toEqual([]);
  });

  it('marks the fenced lines, fence lines included', () => {
    expect(Array.from(fencedLines([{ open: 1, close: 2 }], 4))).toEqual([0, 1, 1, 0]);
  });
});
