// Texts that the server produces in German (zod messages of lib/schemas, AppError messages of the
// data layer, action results) are shown in the admin's language at display time: the German
// catalogue entry is the pattern, the entry under the same key in the admin's catalogue the
// replacement. `{name}` placeholders carry values over ("Höchstens {max} Zeichen." ->
// "At most {max} characters."). Plain data and functions: usable on the server and in the browser.

export type MessagePair = readonly [german: string, translated: string];

type Catalogue = { [key: string]: string | Catalogue };

// The namespaces whose German texts the server sends as plain strings.
const SERVER_MESSAGE_NAMESPACES = ['Validation', 'Errors', 'AccountErrors', 'ExchangeValidation', 'MeetingValidation', 'ProjectEventValidation'] as const;

function flatten(node: Catalogue | string | undefined, prefix: string, into: Map<string, string>) {
  if (node === undefined) return;
  if (typeof node === 'string') {
    into.set(prefix, node);
    return;
  }
  for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
}

export function messagePairs(german: Catalogue, translated: Catalogue, namespaces: readonly string[] = SERVER_MESSAGE_NAMESPACES): MessagePair[] {
  const pairs: MessagePair[] = [];
  for (const namespace of namespaces) {
    const from = new Map<string, string>();
    const to = new Map<string, string>();
    flatten(german[namespace], '', from);
    flatten(translated[namespace], '', to);
    for (const [key, text] of from) {
      const target = to.get(key);
      if (target !== undefined && target !== text) pairs.push([text, target]);
    }
  }
  return pairs;
}

interface Matcher {
  exact: Map<string, string>;
  patterns: { regex: RegExp; names: string[]; target: string }[];
}

const PLACEHOLDER = /\{(\w+)\}/g;
const matchers = new WeakMap<readonly MessagePair[], Matcher>();

function compile(pairs: readonly MessagePair[]): Matcher {
  const matcher: Matcher = { exact: new Map(), patterns: [] };
  for (const [german, target] of pairs) {
    const names = [...german.matchAll(PLACEHOLDER)].map((match) => match[1]);
    if (!names.length) {
      matcher.exact.set(german, target);
      continue;
    }
    const source = german
      .split(PLACEHOLDER)
      .map((part, index) => (index % 2 ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    matcher.patterns.push({ regex: new RegExp(`^${source}$`), names, target });
  }
  // The most specific pattern first: "Höchstens {max} Zeichen." before "Höchstens {max}.".
  const literal = (regex: RegExp) => regex.source.replace(/\(\.\+\?\)/g, '').length;
  matcher.patterns.sort((a, b) => literal(b.regex) - literal(a.regex));
  return matcher;
}

// The translation of one German server text, or the text itself when the catalogue lacks it.
export function translateMessage(text: string, pairs: readonly MessagePair[]): string {
  if (!pairs.length) return text;
  let matcher = matchers.get(pairs);
  if (!matcher) {
    matcher = compile(pairs);
    matchers.set(pairs, matcher);
  }
  const exact = matcher.exact.get(text);
  if (exact !== undefined) return exact;
  for (const { regex, names, target } of matcher.patterns) {
    const match = regex.exec(text);
    if (!match) continue;
    return target.replace(PLACEHOLDER, (whole, name: string) => {
      const index = names.indexOf(name);
      return index >= 0 ? match[index + 1] : whole;
    });
  }
  return text;
}
