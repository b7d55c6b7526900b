'use client';
// The list's addresses in a read-only field (select and copy by hand without JavaScript) and a
// button that copies them to the clipboard, with a spoken confirmation.
import { useId, useRef, useState } from 'react';

export function CopyAddresses({ addresses, label, button, copied, failed }: { addresses: string; label: string; button: string; copied: string; failed: string }) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(addresses);
      setStatus(copied);
    } catch {
      // No clipboard permission (e.g. plain http): select the text so that Ctrl+C copies it.
      field.current?.focus();
      field.current?.select();
      setStatus(failed);
    }
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea ref={field} id={id} readOnly value={addresses} rows={4} className="input font-mono text-sm" />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className="btn-secondary">
          {button}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {status}
        </p>
      </div>
    </div>
  );
}
