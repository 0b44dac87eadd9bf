import { env } from '@/lib/core/env';

/**
 * The caller's address for throttling. Each proxy in front of the app APPENDS the address it saw
 * to X-Forwarded-For, so only the right-most TRUSTED_PROXY_HOPS entries are trustworthy; anything
 * further left may be typed by the client. (Next itself fills the header from the socket only when
 * a request arrives without one, which is why production runs behind a proxy that sets it.)
 */
export function clientIp(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const parts = forwarded.split(',').map((p) => p.trim()).filter(Boolean);
    const chosen = parts[Math.max(0, parts.length - Math.max(1, hops))];
    if (chosen && chosen.length <= 64) return chosen;
  }
  return headers.get('x-real-ip')?.trim().slice(0, 64) || 'unknown';
}
