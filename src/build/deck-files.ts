// What a deck's files are called: its slug, the names of its PDF, PowerPoint and PNG folder
// beside it, and a path as the user would write it in a message.
import path from 'node:path';

/** The folder inside a deck's folder that `deckmark png` writes its images to. */
export const PNG_FOLDER = 'png';

export function deckSlug(file: string): string {
  return path.basename(file).replace(/\.md$/i, '');
}

/** Paths as the user would write them: relative to the working directory. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function pdfName(slug: string): string {
  return `${slug}.pdf`;
}

export function pptxName(slug: string): string {
  return `${slug}.pptx`;
}
