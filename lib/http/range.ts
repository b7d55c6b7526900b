// HTTP range requests (RFC 9110 §14), for the video route. Pure: no I/O.
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

// One range "bytes=a-b", "bytes=a-" or "bytes=-n". Several ranges or another unit: the whole file
// (a server may ignore Range). A range that starts beyond the end cannot be satisfied.
export function parseRange(header: string | null, size: number): ByteRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return null;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

