// The small parsers the plugins share: attribute lists, fence info strings, fenced-div params, escaping.
import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import * as cheerio from 'cheerio';
import { mergeAttributes, parseAttributeList } from '../../src/markdown/attributes.js';
import { escapeHtml, renderAttributes, scriptJson } from '../../src/markdown/html.js';
import { readFenceInfo } from '../../src/markdown/plugins/code-blocks.js';
import { readFencedDiv, fencedDivsPlugin } from '../../src/markdown/plugins/fenced-divs.js';
import { incrementalPlugin } from '../../src/markdown/plugins/incremental.js';
import { createSlideEnv } from '../../src/markdown/env.js';

describe('parseAttributeList', () => {
  it('reads double-quoted, single-quoted, unquoted and bare attributes', () => {
    expect(parseAttributeList(`data-a="1 2" data-b='x "y"' data-c=3 data-auto-animate`)).toEqual([
      ['data-a', '1 2'],
      ['data-b', 'x "y"'],
      ['data-c', '3'],
      ['data-auto-animate', ''],
    ]);
  });

  it('drops names that are not attribute names', () => {
    expect(parseAttributeList('<b>=1 ok="yes" 9lives=3')).toEqual([['ok', 'yes']]);
  });

  it('reads nothing from an empty list', () => {
    expect(parseAttributeList('   ')).toEqual([]);
  });
});

describe('mergeAttributes', () => {
  it('adds classes and replaces other values', () => {
    const target: Record<string, string> = { class: 'a', id: 'x' };
    mergeAttributes(target, [
      ['class', 'b'],
      ['id', 'y'],
    ]);
    expect(target).toEqual({ class: 'a b', id: 'y' });
  });
});

describe('readFenceInfo', () => {
  it.each([
    ['js', { lang: 'js', firstLine: 1 }],
    ['js [1-2|4]', { lang: 'js', steps: ['1-2', '4'], firstLine: 1 }],
    ['sh[1-2|4-10]', { lang: 'sh', steps: ['1-2', '4-10'], firstLine: 1 }],
    ['[1-3|6]', { lang: '', steps: ['1-3', '6'], firstLine: 1 }],
    ['js[1|2|]', { lang: 'js', steps: ['1', '2', ''], firstLine: 1 }],
    ['py []', { lang: 'py', steps: [''], firstLine: 1 }],
    ['js [2: 1-3]', { lang: 'js', steps: ['1-3'], firstLine: 2 }],
    ['gherkin[|1|2|]', { lang: 'gherkin', steps: ['', '1', '2', ''], firstLine: 1 }],
    ['', { lang: '', firstLine: 1 }],
  ])('%s', (info, want) => {
    expect(readFenceInfo(info)).toEqual(want);
  });
});

describe('readFencedDiv', () => {
  it.each([
    ['columns', { name: 'columns', attributes: [] }],
    [' column {width=40%}', { name: 'column', attributes: [['width', '40%']] }],
    [
      '{.callout #c1 data-x="y"}',
      {
        name: 'callout',
        attributes: [
          ['id', 'c1'],
          ['data-x', 'y'],
        ],
      },
    ],
    ['warning {.big}', { name: 'warning', attributes: [['class', 'big']] }],
  ])('%s', (params, want) => {
    expect(readFencedDiv(params)).toEqual(want);
  });

  it.each(['', '   ', 'two words', 'name {unclosed', '{}'])('refuses %j', (params) => {
    expect(readFencedDiv(params)).toBeUndefined();
  });
});

describe('escaping', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renders attributes that parse back to the same values, and skips bad names', () => {
    const html = `<p${renderAttributes({ title: `a "b" > c & 'd'`, 'data-x': '', 'on"bad': 'x', skipped: undefined })}></p>`;
    const $ = cheerio.load(html, null, false);
    expect($('p').attr()).toEqual({ title: `a "b" > c & 'd'`, 'data-x': '' });
  });

  it('writes JSON that cannot end a script element and parses back', () => {
    const value = { a: '</script><!-- & \u2028 \u2029', b: [1, true, null] };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('plugins on a bare markdown-it', () => {
  it('fenced divs and incremental lists work without the rest', () => {
    const md = new MarkdownIt().use(fencedDivsPlugin).use(incrementalPlugin);
    const env = createSlideEnv({ line: 0, docId: 'x', incremental: false });
    const $ = cheerio.load(md.render('::: incremental\n- a\n- b\n:::\n\n- c\n', env), null, false);
    expect($('div.incremental li.fragment')).toHaveLength(2);
    expect($('li:not(.fragment)').text()).toBe('c');
  });
});
