'use client';
// The search field with typeahead suggestions (WAI-ARIA combobox with a listbox popup). Without
// JavaScript this is a plain text input in a GET form, which is enough to search.
import { useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';

type SuggestionKind = 'organization' | 'topic' | 'language' | 'town';

interface Suggestion {
  kind: SuggestionKind;
  label: string;
  href: string;
}

export interface SearchComboboxProps {
  locale: string;
  defaultValue: string;
  label: string;
  placeholder: string;
  suggestionsLabel: string;
  kindLabels: Record<SuggestionKind, string>;
  // Screen-reader announcement per count, "#" stands for the number.
  countTemplate: Record<'zero' | 'one' | 'other', string>;
  inputId?: string;
}

export function SearchCombobox(props: SearchComboboxProps) {
  const { locale, defaultValue, label, placeholder, suggestionsLabel, kindLabels, countTemplate } = props;
  const router = useRouter();
  const generatedId = useId();
  const inputId = props.inputId ?? `search-${generatedId}`;
  const listId = `${inputId}-list`;
  const [value, setValue] = useState(defaultValue);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const q = value.trim();
    if (q.length < 2 || q === defaultValue.trim()) return;
    const timer = setTimeout(async () => {
      controller.current?.abort();
      controller.current = new AbortController();
      try {
        const response = await fetch(`/api/v1/suggestions?q=${encodeURIComponent(q)}&locale=${locale}`, {
          signal: controller.current.signal,
        });
        if (!response.ok) return;
        const data = (await response.json()) as { suggestions: Suggestion[] };
        setItems(data.suggestions);
        setOpen(true);
        setActive(-1);
        const n = data.suggestions.length;
        setAnnouncement((n === 0 ? countTemplate.zero : n === 1 ? countTemplate.one : countTemplate.other).replace('#', String(n)));
      } catch {
        // Aborted or offline: the form still submits.
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [value, locale, defaultValue, countTemplate]);

  const expanded = open && items.length > 0 && value.trim().length >= 2;

  function choose(item: Suggestion) {
    setOpen(false);
    // A topic, language or town opens a search: a page load, so that the proxy logs the search
    // also when the page comes from the cache (lib/search/search-hits.ts counts page loads only).
    if (item.kind === 'organization') router.push(item.href);
    else window.location.assign(item.href);
  }

  return (
    <div className="relative">
      <label htmlFor={inputId} className="mb-1 block font-semibold">
        {label}
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        className="min-h-12 w-full rounded-md border-2 border-slate-600 bg-white px-3 text-lg"
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && items.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (index + 1) % items.length);
          } else if (event.key === 'ArrowUp' && items.length > 0) {
            event.preventDefault();
            setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
          } else if (event.key === 'Escape') {
            // A search input clears itself on Esc; here Esc only closes the list, the words stay.
            event.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (event.key === 'Enter' && expanded && active >= 0) {
            event.preventDefault();
            choose(items[active]);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={suggestionsLabel}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-auto rounded-md border border-slate-400 bg-white shadow-lg"
      >
        {items.map((item, index) => (
          <li
            key={`${item.kind}-${item.href}`}
            id={`${listId}-${index}`}
            data-kind={item.kind}
            role="option"
            aria-selected={index === active}
            className={`flex min-h-11 cursor-pointer flex-col justify-center px-3 py-2 ${index === active ? 'bg-brand-100' : ''}`}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
          >
            <span>{item.label}</span>
            <span className="text-sm text-slate-700">{kindLabels[item.kind]}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
