import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Verification codes: 128 random bits in lower-case RFC 4648 base32 (26 characters, no padding), unguessable
 * and easy to type from paper. They are printed in the QR code as `<publicBaseUrl>/verify/<code>`.
 */
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
export const verificationCodeLength = 26;
const wellFormed = /^[a-z2-7]{26}$/;

export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Normalise what a person typed or a scanner read (case, surrounding blanks). */
export function normaliseVerificationCode(input: string): string {
  return input.trim().toLowerCase();
}

export function isWellFormedVerificationCode(code: string): boolean {
  return wellFormed.test(code);
}

/** Compare two codes in time independent of their content (digests have the same length whatever the input). */
export function sameVerificationCode(a: string, b: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function verificationUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${code}`;
}
