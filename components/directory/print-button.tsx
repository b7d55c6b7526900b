'use client';
// Only rendered usefully with JavaScript; without it the page says how to print.
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
    >
      {label}
    </button>
  );
}
