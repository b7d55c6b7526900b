// Stamps a CSP nonce onto every <script> (and <link>, for script preloads) tag of an HTML response
// while it streams. The nonce is added at the edge, per response, so that Next can keep rendering
// pages once and serving them from its cache: nothing in the HTML depends on the nonce.
//
// Works on bytes as latin1 (one char per byte), so multi-byte UTF-8 characters split across chunks
// pass through unchanged. React escapes "<" in text and attribute values, and Next writes "<" as
// \u003c inside its inline JSON payloads, so every "<script" in the stream is a real tag.
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

const TAG = /<(script|link)(?=[\s/>])/gi;
// Longest text that could still become a tag to stamp: "<script" plus the character after it.
const LONGEST_PREFIX = '<script'.length;

function heldBackFrom(text: string): number {
  const start = text.lastIndexOf('<', text.length - 1);
  if (start === -1 || text.length - start > LONGEST_PREFIX) return text.length;
  const tail = text.slice(start).toLowerCase();
  return '<script'.startsWith(tail) || '<link'.startsWith(tail) ? start : text.length;
}

export interface NonceStamper {
  push(chunk: Buffer): Buffer;
  end(): Buffer;
}

/**
 * A rewriter of streamed HTML: `rewrite` sees only whole text; `heldBackFrom` says where a tag that
 * may still need rewriting starts, so that it waits for the next chunk. Shared with paint-first.ts.
 * Latin-1 keeps every byte as one character, so a cut never splits a UTF-8 sequence for good.
 */
export function heldBackStream(heldBackFrom: (text: string) => number, rewrite: (text: string) => string): NonceStamper {
  let pending = '';
  return {
    push(chunk) {
      const text = pending + chunk.toString('latin1');
      const cut = heldBackFrom(text);
      pending = text.slice(cut);
      return Buffer.from(rewrite(text.slice(0, cut)), 'latin1');
    },
    end() {
      const rest = pending;
      pending = '';
      return Buffer.from(rewrite(rest), 'latin1');
    },
  };
}

export function createNonceStamper(nonce: string): NonceStamper {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('Nonce must be base64.');
  return heldBackStream(heldBackFrom, (text) => text.replace(TAG, (tag) => `${tag} nonce="${nonce}"`));
}

/**
 * Where createNonceStamper would put the nonce in a whole, unstamped body: the byte offsets right
 * after each tag name. A body kept by the edge's response cache is scanned once; every later copy
 * is stamped by splicing the nonce in at these offsets (stampAt), byte for byte what the streaming
 * stamper gives.
 */
export function nonceSlots(body: Buffer): number[] {
  const slots: number[] = [];
  for (const match of body.toString('latin1').matchAll(TAG)) slots.push(match.index + match[0].length);
  return slots;
}

export function stampAt(body: Buffer, slots: readonly number[], nonce: string): Buffer {
  const attribute = Buffer.from(` nonce="${nonce}"`, 'latin1');
  const parts: Buffer[] = [];
  let from = 0;
  for (const slot of slots) {
    parts.push(body.subarray(from, slot), attribute);
    from = slot;
  }
  parts.push(body.subarray(from));
  return Buffer.concat(parts, body.length + slots.length * attribute.length);
}
