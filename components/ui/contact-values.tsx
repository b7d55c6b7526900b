// Phone numbers, e-mail and web addresses inside text of any direction: always left to right and
// isolated (<bdi dir="ltr">), so that in Arabic text "03931 60-7040" never turns into
// "7040-60 03931"; a phone number never wraps, an address only when it is longer than the whole
// line (.ltr-value in app/globals.css). The same on screen and in print.

export function PhoneNumber({ value }: { value: string }) {
  return (
    <bdi dir="ltr" className="ltr-value ltr-value-phone">
      {value}
    </bdi>
  );
}

export function EmailAddress({ value }: { value: string }) {
  return (
    <bdi dir="ltr" className="ltr-value ltr-value-address">
      {value}
    </bdi>
  );
}

// "https://www.example.org/" -> "www.example.org": what people read and type.
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export function WebAddress({ url, full = false }: { url: string; full?: boolean }) {
  return (
    <bdi dir="ltr" className="ltr-value ltr-value-address">
      {full ? url : displayUrl(url)}
    </bdi>
  );
}
