import type { ComponentProps } from 'react';
import { ChevronDown } from 'lucide-react';
import { clsx } from 'clsx';
import { fieldClasses } from './input';

export interface SelectProps extends ComponentProps<'select'> {
  /**
   * Adds a first option with an empty value. Combined with `required`, the browser (and the
   * server-side schema) then rejects a form where the user never made a choice.
   */
  placeholder?: string;
}

/**
 * A native <select>: on phones it opens the OS picker, and it works before hydration and with
 * every assistive technology, which a custom listbox would have to re-implement.
 * `className` sizes the outer box (the chevron is positioned against it); all other props go to
 * the <select>.
 */
export function Select({ className, placeholder, children, ...props }: SelectProps) {
  return (
    <div className={clsx('relative w-full', className)}>
      <select className={clsx(fieldClasses, 'h-10 cursor-pointer appearance-none ps-3 pe-10')} {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute end-3 top-1/2 size-4 -translate-y-1/2 text-muted"
      />
    </div>
  );
}
