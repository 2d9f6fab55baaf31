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
    // A heading inside a section's text ranks below the section's own title (h3).
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(depth + 3, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
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

/**
 * Editors' Markdown for a Markdown document: headings moved below the
 * section's own title and raw HTML made visible text, as in the HTML page.
 * Fenced code is left as it is.
 */
export function embedMarkdown(source: string, headingShift: number): string {
  let fenced = false;
  return source
    .split(/\r\n?|\n/)
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      const heading = /^(#{1,6})(\s.*)$/.exec(line);
      const shifted = heading ? `${'#'.repeat(Math.min(heading[1]!.length + headingShift, 6))}${heading[2]}` : line;
      return shifted.replace(/<(?!(?:https?:\/\/|mailto:)[^>\s]*>)(?=[A-Za-z/!?])/g, '&lt;');
    })
    .join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
