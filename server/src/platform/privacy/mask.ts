/**
 * Personal data is masked in lists and logs unless a permission says otherwise (DESIGN §4,
 * SEC-06 个人信息保护法第五十一条 "去标识化"). Shapes follow common government practice:
 * 330***********123X and 138****5678.
 */
export function maskIdNumber(v: string | null): string | null {
  if (v === null) return null;
  if (v.length <= 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

export function maskPhone(v: string | null): string | null {
  if (v === null) return null;
  if (v.length < 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}
