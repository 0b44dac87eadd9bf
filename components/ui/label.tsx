import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

export interface LabelProps extends ComponentProps<'label'> {
  /**
   * Adds a visual asterisk only. Assistive tech learns "required" from the control's own
   * `required` attribute, so the asterisk is hidden from it to avoid "star" being read out.
   */
  required?: boolean;
}

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <label className={clsx('text-sm leading-6 font-medium text-fg', className)} {...props}>
      {children}
      {required ? (
        <span aria-hidden="true" className="ms-0.5 text-danger">
          *
        </span>
      ) : null}
    </label>
  );
}
