// GFM task lists, as reveal.js's Markdown (marked) shows them: `- [x] done` and `- [ ] todo`
// start their item with a disabled checkbox. GitHub's classes let a theme drop the bullet.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { attrText } from '../attributes.js';

const TASK = /^\[([ xX])\] +/;
const CHECKBOX = 'deckmark_task_checkbox';

function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  const lists: Token[] = []; // the lists open at token i, innermost last
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push(token);
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    if (token.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open' || tokens[i - 2]?.type !== 'list_item_open') continue;
    const first = token.children?.[0];
    const task = first?.type === 'text' ? TASK.exec(first.content) : null;
    if (!first || !task) continue;
    first.content = first.content.slice(task[0].length);
    const checkbox = new state.Token(CHECKBOX, 'input', 0);
    checkbox.attrs = [['type', 'checkbox'], ...(task[1] === ' ' ? [] : [['checked', ''] as [string, string]]), ['disabled', '']];
    token.children?.unshift(checkbox);
    tokens[i - 2].attrJoin('class', 'task-list-item');
    const list = lists[lists.length - 1];
    if (list && !attrText(list, 'class')?.split(' ').includes('contains-task-list')) list.attrJoin('class', 'contains-task-list');
  }
}

export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deckmark_task_lists', taskLists);
  md.renderer.rules[CHECKBOX] = (tokens, idx, _options, _env, self) => `<input${self.renderAttrs(tokens[idx])}> `;
}
