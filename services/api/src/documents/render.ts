import { createHash } from 'node:crypto';
import type { PlanMediaType } from '../http/representations.js';
import type { PlanDocument } from './plan-document.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';

type DocumentType = Exclude<PlanMediaType, 'application/json'>;

/**
 * Rendered documents, by a hash of the document itself: the same plan asked
 * for again (adopted plans rarely change) is not laid out again. Laying out a
 * PDF takes the event loop for a noticeable time, so this also blunts a caller
 * who asks for the same PDF over and over. Least recently used go first.
 */
const MAX_ENTRIES = 32;
const rendered = new Map<string, Promise<string | Buffer>>();

export function renderDocument(doc: PlanDocument, type: DocumentType): Promise<string | Buffer> {
  const key = createHash('sha256').update(type).update('\0').update(JSON.stringify(doc)).digest('base64url');
  const cached = rendered.get(key);
  if (cached) {
    rendered.delete(key);
    rendered.set(key, cached);
    return cached;
  }
  const made = render(doc, type);
  rendered.set(key, made);
  made.catch(() => rendered.delete(key));
  while (rendered.size > MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
  return made;
}

function render(doc: PlanDocument, type: DocumentType): Promise<string | Buffer> {
  switch (type) {
    case 'text/markdown':
      return Promise.resolve(renderMarkdown(doc));
    case 'text/html':
      return Promise.resolve(renderHtml(doc));
    case 'application/pdf':
      return renderPdf(doc);
  }
}
