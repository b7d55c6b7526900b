// Root layout of the benchmark's baseline page (app/(bench)/bench-static), apart from the
// app's own root layout (app/[locale]/layout.tsx) so that nothing there makes it dynamic.
import type { Metadata } from 'next';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function BenchLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  );
}
