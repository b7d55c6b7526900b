// mailto: links with the addresses in BCC (recipients do not see each other), split into groups:
// many mail programs refuse or cut links with more than about 50 addresses or 2,000 characters.
export const MAILTO_CHUNK_SIZE = 50;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

// RFC 6068: "@" may stay as it is; everything else that is not plain is percent-encoded.
function encodeAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@');
}

export function bccMailtoLinks(addresses: string[], { size = MAILTO_CHUNK_SIZE, subject }: { size?: number; subject?: string } = {}): string[] {
  return chunk(addresses, Math.max(1, Math.min(size, MAILTO_CHUNK_SIZE))).map((group) => {
    const params = [`bcc=${group.map(encodeAddress).join(',')}`];
    if (subject) params.push(`subject=${encodeURIComponent(subject)}`);
    return `mailto:?${params.join('&')}`;
  });
}
