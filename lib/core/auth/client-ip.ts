/**
 * The caller's address for throttling. Behind a load balancer the left-most X-Forwarded-For entry
 * is the client; without one we fall back to a constant so limits still apply per account.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const first = forwarded.split(',')[0]?.trim();
    if (first && first.length <= 64) return first;
  }
  return headers.get('x-real-ip')?.trim().slice(0, 64) || 'unknown';
}
