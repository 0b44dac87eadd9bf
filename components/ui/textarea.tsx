import type { ComponentProps } from 'react';
import { clsx } from 'clsx';
import { fieldClasses } from './input';

export type TextareaProps = ComponentProps<'textarea'>;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      // Vertical-only resize: horizontal resizing breaks the layout on narrow screens.
      className={clsx(fieldClasses, 'min-h-20 resize-y px-3 py-2 read-only:bg-surface-muted', className)}
      {...props}
    />
  );
}
