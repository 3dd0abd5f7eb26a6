/** Letters and digits without look-alikes (0/O, 1/l/I), so a password read out over the phone survives. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random temporary password for a new user or a reset (the user must change it at first login). */
export function generatePassword(length = 12, random: (n: number) => Uint32Array = cryptoRandom): string {
  const values = random(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[values[i] % alphabet.length];
  // at least one digit, so it also passes rules that ask for one
  if (!/\d/.test(out)) out = out.slice(0, -1) + alphabet[alphabet.length - 1 - (values[0] % 8)];
  return out;
}

function cryptoRandom(n: number): Uint32Array {
  return crypto.getRandomValues(new Uint32Array(n));
}
