/** Password rules, pure so the web form and the server say the same thing. */
export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_EQUALS_USERNAME';

export function passwordProblems(password: string, username: string, minLength: number): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < minLength) problems.push('PASSWORD_TOO_SHORT');
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) problems.push('PASSWORD_EQUALS_USERNAME');
  return problems;
}
