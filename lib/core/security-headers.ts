/**
 * Security headers for every response. The CSP uses a per-request nonce for scripts (Next's
 * inline bootstrap scripts carry it); the map needs its worker (blob:/same-origin) and the
 * configured basemap host for tiles and styles.
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; mapHosts: string[] }): string {
  const connect = ["'self'", ...opts.mapHosts];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${opts.nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    // Tailwind and map libraries set inline styles; style injection is not a script vector.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...opts.mapHosts],
    'font-src': ["'self'", 'data:'],
    'connect-src': opts.dev ? [...connect, 'ws:'] : connect,
    'worker-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

export function mapHostsFrom(styleUrl: string | undefined, mapboxToken: string | undefined): string[] {
  const hosts = new Set<string>();
  if (styleUrl && styleUrl !== 'offline' && !styleUrl.startsWith('mapbox://')) {
    try {
      hosts.add(new URL(styleUrl).origin);
    } catch {
      /* invalid URL is rejected by env validation */
    }
  }
  if (mapboxToken) {
    hosts.add('https://api.mapbox.com');
    hosts.add('https://events.mapbox.com');
  }
  return [...hosts];
}

export function staticSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(self), payment=(self)',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload' } : {}),
  };
}
