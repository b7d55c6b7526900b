// Phone numbers as written ("03931 60-7040") to E.164 ("+493931607040") for tel: links and
// vCards, checked with libphonenumber-js (Google's metadata; a number without a country code is
// German). A number the library does not accept keeps the old digit rule in links, so that a
// page never loses a link; the form schema is where numbers are checked for editors.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// The number in E.164, or null when it is not a valid number.
export function toE164(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone.trim(), 'DE');
  return parsed?.isValid() ? parsed.number : null;
}

// What editors may save as a phone number: a valid number (German unless it has a country code)
// or one of the short nationwide numbers of authorities and helplines (115, 116 117, 116 016, ...).
export function isAcceptedPhone(phone: string): boolean {
  const trimmed = phone.trim();
  if (/^11\d(?:[\s-]?\d{3})?$/.test(trimmed)) return true;
  return toE164(trimmed) !== null;
}

export function toTelHref(phone: string): string {
  const e164 = toE164(phone);
  if (e164) return `tel:${e164}`;
  const digits = phone.trim().replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `tel:+49${digits.slice(1)}`;
  return `tel:${digits}`;
}
