// Unknown paths under a locale render the localized not-found page inside the site layout
// (without this, Next falls back to its root 404, which has no <html lang>).
import { notFound } from 'next/navigation';

export default function CatchAllPage() {
  notFound();
}
