/**
 * SEC-12 (GB/T 22239-2019 8.1.4.1 a): "身份鉴别信息具有复杂度要求并定期更换". The standard gives no
 * numbers; we apply the common assessor baseline: at least 8 characters drawn from at least 3 of
 * the 4 classes (upper case, lower case, digits, symbols), at most 64, and not containing the
 * user name.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
export const PASSWORD_MIN_CLASSES = 3;

export function passwordClasses(password: string): number {
  let n = 0;
  if (/[A-Z]/.test(password)) n++;
  if (/[a-z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

/** The Chinese reason a password is refused, or null when it meets SEC-12. */
export function passwordWeakness(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码长度至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码长度不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (passwordClasses(password) < PASSWORD_MIN_CLASSES) {
    return '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类';
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return '密码不能包含用户名';
  }
  return null;
}
