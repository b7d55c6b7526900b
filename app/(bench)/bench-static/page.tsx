// The `force-static` baseline of `npm run bench` (scripts/bench/pages.ts): a page that Next
// prerenders at build time and serves from its build output, through the same edge server as
// every other page. It reads no database, is not in the sitemap, carries noindex and is not
// localized (proxy.ts leaves it alone). The public pages' speed is reported as a ratio to it.
export const dynamic = 'force-static';

export default function BenchStaticPage() {
  return (
    <main>
      <h1>Vergleichsseite für den Benchmark</h1>
      <p>Diese Seite wird beim Build einmal erzeugt und danach unverändert ausgeliefert. Sie dient nur als Maßstab für die Messung.</p>
    </main>
  );
}
