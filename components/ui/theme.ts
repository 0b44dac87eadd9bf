/*
 * Shared by the server layout (reads the cookie, sets <html data-theme>) and the client
 * ThemeSwitcher (writes both). Kept out of theme-switcher.tsx because values exported from a
 * 'use client' module cannot be read on the server.
 *
 * Layout usage:
 *   const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
 *   <html lang="en" data-theme={theme}>   // undefined = follow the OS (no attribute rendered)
 */

export const THEME_COOKIE = 'theme';

/** Values of `data-theme`; "system" is represented by the attribute (and cookie) being absent. */
export const THEMES = ['light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
export type ThemePreference = Theme | 'system';

export function parseTheme(value: string | undefined | null): Theme | undefined {
  return THEMES.find((theme) => theme === value);
}
