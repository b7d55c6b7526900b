'use client';
// While a coordinator types the name of a new entry: entries that look the same (similar name, the
// same trigram measure as the import), as a polite live region with links to them.
import { useEffect, useState } from 'react';

interface Match {
  id: string;
  name: string;
  reason: 'name' | 'address';
}

export function DuplicateWarning({ inputId, texts }: { inputId: string; texts: { heading: string; name: string; address: string; newWindow: string } }) {
  const [matches, setMatches] = useState<Match[]>([]);
  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        controller?.abort();
        controller = new AbortController();
        const name = input.value.trim();
        if (name.length < 3) return setMatches([]);
        try {
          const response = await fetch(`/api/admin/duplicates?name=${encodeURIComponent(name)}`, { signal: controller.signal });
          if (response.ok) setMatches((await response.json()) as Match[]);
        } catch {
          // Typing on: a newer request replaced this one.
        }
      }, 400);
    };
    input.addEventListener('input', check);
    if (input.value) check();
    return () => {
      clearTimeout(timer);
      controller?.abort();
      input.removeEventListener('input', check);
    };
  }, [inputId]);
  return (
    <div aria-live="polite" className="mb-4">
      {matches.length ? (
        <div className="alert-error" data-testid="duplicate-warning">
          <p className="font-semibold">{texts.heading}</p>
          <ul className="list-disc ps-6">
            {matches.map((match) => (
              <li key={match.id}>
                <a href={`/de/admin/organisationen/${match.id}`} target="_blank" rel="noopener" className="admin-link">
                  {match.name}
                  <span className="sr-only"> ({texts.newWindow})</span>
                </a>{' '}
                ({match.reason === 'name' ? texts.name : texts.address})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
