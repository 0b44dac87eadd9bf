'use client';

import { useState, useSyncExternalStore } from 'react';
import { Contrast, Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { clsx } from 'clsx';
import { plainButtonClasses } from './button-variants';
import { THEME_COOKIE, parseTheme, type ThemePreference } from './theme';

const ORDER: ThemePreference[] = ['system', 'light', 'dark', 'contrast'];

const OPTIONS: Record<ThemePreference, { label: string; icon: LucideIcon }> = {
  system: { label: 'System', icon: Monitor },
  light: { label: 'Light', icon: Sun },
  dark: { label: 'Dark', icon: Moon },
  contrast: { label: 'High contrast', icon: Contrast },
};

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

function readTheme(): ThemePreference {
  return parseTheme(document.documentElement.dataset.theme) ?? 'system';
}

/*
 * The <html> attribute is the source of truth (the server sets it from the cookie), so the
 * control observes it rather than keeping its own copy; several switchers on one page (header
 * and mobile drawer) then stay in sync for free.
 */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function applyTheme(theme: ThemePreference) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  if (theme === 'system') {
    // No cookie and no attribute means "follow the OS", so the server never has to special-case it.
    delete document.documentElement.dataset.theme;
    document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`;
  } else {
    document.documentElement.dataset.theme = theme;
    document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
  }
}

export interface ThemeSwitcherProps {
  /**
   * The theme the server rendered (from the cookie). Used for the server render and hydration so
   * the button's label matches the page before JavaScript runs.
   */
  initialTheme?: ThemePreference;
  /** Show the current theme's name next to the icon (otherwise it is screen-reader only). */
  showLabel?: boolean;
  className?: string;
}

/**
 * One button that cycles System → Light → Dark → High contrast. Its accessible name states the
 * current theme and what activating it does; a polite live region confirms the change.
 */
export function ThemeSwitcher({ initialTheme = 'system', showLabel = false, className }: ThemeSwitcherProps) {
  const theme = useSyncExternalStore(subscribe, readTheme, () => initialTheme);
  // Only set after a click, so nothing is announced on page load.
  const [announcement, setAnnouncement] = useState('');
  const next = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length];
  const { label, icon: Icon } = OPTIONS[theme];
  const accessibleName = `Theme: ${label}. Switch to ${OPTIONS[next].label}`;

  return (
    <>
      <button
        type="button"
        onClick={() => {
          applyTheme(next);
          setAnnouncement(`Theme set to ${OPTIONS[next].label}`);
        }}
        aria-label={accessibleName}
        // Tooltip for sighted mouse users of the icon-only form; equal to the name so it is not read twice.
        title={showLabel ? undefined : accessibleName}
        // Plain classes (no tailwind-merge): this control is on every page's first load.
        className={clsx(plainButtonClasses({ variant: 'ghost', size: showLabel ? 'md' : 'icon' }), showLabel && 'px-3', className)}
      >
        <Icon aria-hidden="true" />
        {showLabel ? <span aria-hidden="true">{label}</span> : null}
      </button>
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
