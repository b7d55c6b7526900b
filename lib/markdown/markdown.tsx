// Server component: Markdown from the database as safe HTML (see render.ts for what is allowed).
// No client JavaScript: the HTML is produced on the server and needs no hydration.
import './markdown.css';
import { renderMarkdown, type MarkdownOptions } from './render';

export function Markdown({
  text,
  className = 'markdown space-y-3 leading-relaxed',
  topHeadingLevel = 2,
  ...rest
}: { text: string; className?: string; lang?: string; dir?: string } & MarkdownOptions) {
  // renderMarkdown escapes all raw HTML and drops unsafe links; this is the only place that
  // inserts its output.
  return <div className={className} {...rest} dangerouslySetInnerHTML={{ __html: renderMarkdown(text, { topHeadingLevel }) }} />;
}
