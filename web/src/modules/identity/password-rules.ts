/**
 * The password policy the server enforces (等保 2.0 identity rules): at least 8 characters and at
 * least 3 of the 4 character classes. Checked here only to guide the user before submitting.
 */
export const PASSWORD_MIN_LENGTH = 8;

export const passwordClasses = [
  { key: 'upper', label: '大写字母', test: (s: string) => /[A-Z]/.test(s) },
  { key: 'lower', label: '小写字母', test: (s: string) => /[a-z]/.test(s) },
  { key: 'digit', label: '数字', test: (s: string) => /[0-9]/.test(s) },
  { key: 'symbol', label: '符号', test: (s: string) => /[^A-Za-z0-9]/.test(s) },
] as const;

export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  const classes = passwordClasses.filter((c) => c.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return undefined;
}
