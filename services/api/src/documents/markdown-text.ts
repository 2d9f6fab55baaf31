import { Marked, type Tokens } from 'marked';

/**
 * Editors write section bodies in Markdown. In a document served from the
 * API's own origin their text must stay text: raw HTML is shown escaped,
 * links keep only http(s) and mailto targets, and images are replaced by their
 * description so the page loads nothing from elsewhere.
 */
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      return /^(https?:|mailto:)/i.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

export function markdownToHtml(source: string): string {
  return marked.parse(source, { async: false });
}

/** The same parser's tokens, for the formats that lay text out themselves (PDF). */
export function markdownTokens(source: string) {
  return marked.lexer(source);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
