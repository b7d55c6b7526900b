// Safe Markdown for the network's content pages. markdown-it with raw HTML switched off escapes
// every tag in the text, so no <script>, no event handler attribute and no inline style can get
// through. Links are allowed only to http(s), mailto and tel targets or to paths on this site:
// javascript:, vbscript:, data: and file: links stay plain text. Images are switched off: an
// image from another server would tell that server every visitor's IP address (GDPR), and the
// pages need none. Headings are shifted so that "# Titel" in the text does not compete with the
// page's own h1.
import markdownIt, { type MarkdownIt } from 'markdown-it';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

// True for a link target that is safe to put into href. Browsers ignore tabs, line breaks and
// leading control characters or spaces in a URL ("java\tscript:"), so they are removed before the
// scheme is read.
/** @internal Exported for its unit test. */
export function isSafeHref(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (cleaned === '') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  if (!scheme) {
    // A path, a fragment or a query on this site, or a protocol-relative address.
    return /^[/#?]|^[^:]*$/.test(cleaned);
  }
  return ALLOWED_SCHEMES.has(scheme[1]);
}

export interface MarkdownOptions {
  // Level the text's "#" heading becomes: 2 means "#" -> h2, "##" -> h3 (never beyond h6).
  topHeadingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

function createRenderer(topHeadingLevel: number): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable(['image']);
  md.validateLink = isSafeHref;
  const shift = topHeadingLevel - 1;
  if (shift > 0) {
    md.core.ruler.push('shift_headings', (state) => {
      for (const token of state.tokens) {
        if (token.type === 'heading_open' || token.type === 'heading_close') {
          const level = Math.min(6, Number(token.tag.slice(1)) + shift);
          token.tag = `h${level}`;
        }
      }
    });
  }
  // Links that leave the site open normally but do not pass the page as opener or referrer.
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    if (/^https?:/i.test(href) || href.startsWith('//')) tokens[idx].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const renderers = new Map<number, MarkdownIt>();

// The gender star (Migrant*innen) is text, not emphasis: two in one paragraph would otherwise turn
// the words between them italic. A star between two letters is escaped; "*betont*" still works.
function escapeGenderStar(markdown: string): string {
  return markdown.replace(/(\p{L})\*(?=\p{L})/gu, '$1\\*');
}

export function renderMarkdown(text: string, { topHeadingLevel = 2 }: MarkdownOptions = {}): string {
  let md = renderers.get(topHeadingLevel);
  if (!md) {
    md = createRenderer(topHeadingLevel);
    renderers.set(topHeadingLevel, md);
  }
  return md.render(escapeGenderStar(text ?? ''));
}
