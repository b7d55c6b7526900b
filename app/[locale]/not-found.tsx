// notFound() inside a page (an unknown or hidden actor, for example). Next 16 renders this
// boundary in the browser only (vercel/next.js#62228); unknown addresses are answered on the
// server by app/global-not-found.tsx instead.
import { NotFoundContent } from '@/components/layout/not-found-content';

export default function NotFound() {
  return <NotFoundContent />;
}
