import { clsx, type ClassValue } from 'clsx';
import { extendTailwindMerge } from 'tailwind-merge';

/*
 * tailwind-merge only knows Tailwind's built-in animation names; without this a caller's
 * `animate-*` override would sit next to ours instead of replacing it. Keep in sync with the
 * `--animate-*` tokens in app/globals.css.
 */
const twMerge = extendTailwindMerge({
  extend: {
    theme: {
      animate: [
        'fade-in',
        'fade-out',
        'dialog-in',
        'dialog-out',
        'sheet-in-right',
        'sheet-out-right',
        'sheet-in-left',
        'sheet-out-left',
        'sheet-in-bottom',
        'sheet-out-bottom',
      ],
    },
  },
});

/** Join class names, letting later Tailwind classes override conflicting earlier ones. */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
