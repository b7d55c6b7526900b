// The yearly report's one input: the calendar year (?jahr=2026). Which years make sense depends on
// the data (from the first recorded activity to next year), so the bounds are parameters.
import { z } from 'zod';

export function reportYearSchema({ first, last }: { first: number; last: number }) {
  const range = `Bitte wählen Sie ein Jahr von ${first} bis ${last}.`;
  return z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value),
    z
      .string({ error: range })
      .regex(/^\d{4}$/, `Bitte geben Sie das Jahr vierstellig ein (z. B. ${last - 1}). ${range}`)
      .transform(Number)
      .pipe(z.number().int().min(first, range).max(last, range)),
  );
}
