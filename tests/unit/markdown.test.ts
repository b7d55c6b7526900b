// The content pages' Markdown: formatting works, and nothing a page editor types can run script
// in a visitor's browser (no raw HTML, no event handlers, no javascript:/data: links, no images).
import { describe, expect, it } from 'vitest';
import { isSafeHref, renderMarkdown } from '@/lib/markdown/render';

// Every attribute name and every href in the output.
function attributes(html: string): { names: string[]; hrefs: string[] } {
  const names: string[] = [];
  const hrefs: string[] = [];
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    for (const attr of tag[1].matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      names.push(attr[1].toLowerCase());
      if (attr[1].toLowerCase() === 'href') hrefs.push(attr[2] ?? '');
    }
  }
  return { names, hrefs };
}

function tagNames(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((match) => match[1].toLowerCase());
}

const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's']);

function expectSafe(html: string) {
  for (const tag of tagNames(html)) expect(ALLOWED_TAGS, `Tag <${tag}> in ${html}`).toContain(tag);
  const { names, hrefs } = attributes(html);
  for (const name of names) {
    expect(name, `Attribut ${name} in ${html}`).not.toMatch(/^on/);
    expect(['href', 'rel', 'class', 'title', 'start', 'style']).toContain(name);
  }
  for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|tel:|\/|#)/i);
}

describe('renderMarkdown', () => {
  it('renders the usual formatting', () => {
    const html = renderMarkdown('# Ziel\n\nDas **Netzwerk** hilft _allen_.\n\n- eins\n- zwei\n\n[Akteure](/de/akteure) und <https://www.landkreis-stendal.de>');
    expect(html).toContain('<h2>Ziel</h2>');
    expect(html).toContain('<strong>Netzwerk</strong>');
    expect(html).toContain('<em>allen</em>');
    expect(html).toContain('<li>eins</li>');
    expect(html).toContain('<a href="/de/akteure">Akteure</a>');
    expect(html).toContain('<a href="https://www.landkreis-stendal.de" rel="noopener noreferrer">');
    expectSafe(html);
  });

  it('shifts headings below the page heading and never beyond h6', () => {
    expect(renderMarkdown('# A\n\n###### F', { topHeadingLevel: 3 })).toBe('<h3>A</h3>\n<h6>F</h6>\n');
    expect(renderMarkdown('# A', { topHeadingLevel: 1 })).toBe('<h1>A</h1>\n');
  });

  it('escapes raw HTML instead of interpreting it', () => {
    for (const input of [
      '<script>alert(1)</script>',
      'Text <script src="https://evil.example/x.js"></script>',
      '<img src=x onerror=alert(1)>',
      '<div onclick="alert(1)">Klick</div>',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '<style>body{display:none}</style>',
      '<!-- <script>alert(1)</script> -->',
    ]) {
      const html = renderMarkdown(input);
      // A bare address in the text may become a link (linkify); expectSafe checks its target.
      expect(html).not.toMatch(/<(script|img|div|iframe|svg|style)\b/i);
      expect(html).not.toMatch(/<a [^>]*javascript/i);
      expect(html).toContain('&lt;');
      expectSafe(html);
    }
  });

  it('turns no javascript:, vbscript:, data: or file: target into a link', () => {
    for (const input of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](jav&#x61;script:alert(1))',
      '[x](javascript&colon;alert(1))',
      '[x](<java\nscript:alert(1)>)',
      '[x]( javascript:alert(1))',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](data:image/png;base64,iVBORw0KGgo=)',
      '[x](file:///etc/passwd)',
      '<javascript:alert(1)>',
      '<data:text/html,hi>',
      '[x][r]\n\n[r]: javascript:alert(1)',
    ]) {
      const html = renderMarkdown(input);
      expect(html, input).not.toContain('href');
      expectSafe(html);
    }
  });

  it('allows http(s), mailto, tel and local links only', () => {
    expect(isSafeHref('https://example.org')).toBe(true);
    expect(isSafeHref('http://example.org')).toBe(true);
    expect(isSafeHref('mailto:info@example.org')).toBe(true);
    expect(isSafeHref('tel:+493931123')).toBe(true);
    expect(isSafeHref('/de/akteure')).toBe(true);
    expect(isSafeHref('#kontakt')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('java\tscript:alert(1)')).toBe(false);
    expect(isSafeHref('\u0000javascript:alert(1)')).toBe(false);
    expect(isSafeHref(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
    expect(isSafeHref('vbscript:x')).toBe(false);
    expect(isSafeHref('')).toBe(false);
  });

  it('cannot break out of a link title into an event handler', () => {
    const html = renderMarkdown('[x](https://example.org "a\\" onmouseover=\\"alert(1)")');
    // The quote stays inside the title attribute, escaped.
    expect(html).toContain('title="a&quot; onmouseover=&quot;alert(1)"');
    expect(attributes(html).names).not.toContain('onmouseover');
    expectSafe(html);
  });

  it('shows no images (no requests to other servers), only their text', () => {
    const html = renderMarkdown('![Logo](https://tracker.example/pixel.png)');
    expect(html).not.toContain('<img');
    expectSafe(html);
  });

  it('escapes HTML in code blocks and inline code', () => {
    const html = renderMarkdown('`<b onclick=x>`\n\n```html\n<script>alert(1)</script>\n```');
    expect(html).toContain('&lt;b onclick=x&gt;');
    expect(html).toContain('&lt;script&gt;');
    expectSafe(html);
  });
});

describe('gender star', () => {
  it('keeps Migrant*innen and Koordinator*innen as text, not emphasis', () => {
    const html = renderMarkdown('Migrant*innen und Koordinator*innen arbeiten *gemeinsam*.');
    expect(html).toContain('Migrant*innen und Koordinator*innen');
    expect(html).not.toContain('<em>innen');
    expect(html).toContain('<em>gemeinsam</em>');
  });
});
