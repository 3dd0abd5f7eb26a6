import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../../domain/passwords.js';
import { AppError } from '../errors/app-error.js';
import { messageOf } from '../errors/app-error.js';

// argon2id (the library's default algorithm) with OWASP's minimum parameters.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  return dummyHash;
}

export function assertPasswordAcceptable(password: string, username: string, minLength: number, field = 'password') {
  const problems = passwordProblems(password, username, minLength);
  if (problems.length === 0) return;
  throw new AppError(problems[0], {
    detail: problems[0] === 'PASSWORD_TOO_SHORT' ? `密码长度至少 ${minLength} 位` : messageOf(problems[0]),
    fieldErrors: problems.map((code) => ({
      field,
      code,
      message: code === 'PASSWORD_TOO_SHORT' ? `密码长度至少 ${minLength} 位` : messageOf(code),
    })),
  });
}
