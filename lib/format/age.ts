// Age ranges of services as message keys and values (texts live in messages/*.json).
export function ageRange(
  min: number | null,
  max: number | null,
): { key: 'ageFromTo' | 'ageFrom' | 'ageTo'; values: Record<string, number> } | null {
  if (min !== null && max !== null) return { key: 'ageFromTo', values: { min, max } };
  if (min !== null) return { key: 'ageFrom', values: { min } };
  if (max !== null) return { key: 'ageTo', values: { max } };
  return null;
}
