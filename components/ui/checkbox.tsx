import { useId, type ComponentProps, type ReactNode } from 'react';
import { clsx } from 'clsx';

export interface CheckboxProps extends Omit<ComponentProps<'input'>, 'type'> {
  /** Clickable label beside the box. Omit it when the box is labelled elsewhere (e.g. FormField). */
  label?: ReactNode;
  /** Secondary text under the label, announced as the checkbox's description. */
  description?: ReactNode;
  /** Styles the whole row when `label` is given (that is the layout box), otherwise the box itself. */
  className?: string;
}

/*
 * Native checkbox tinted with accent-color: keeps the real control (keyboard, forms, forced
 * colours, indeterminate) instead of a restyled div. The box is 20px but the label shares the
 * click target, and the row is at least 40px tall.
 */
const boxClasses =
  'size-5 shrink-0 cursor-pointer rounded border-input accent-primary disabled:cursor-not-allowed disabled:opacity-60';

export function Checkbox({ label, description, className, id, ...props }: CheckboxProps) {
  const generatedId = useId();
  if (label === undefined) {
    return <input type="checkbox" id={id} className={clsx(boxClasses, className)} {...props} />;
  }

  const inputId = id ?? generatedId;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const describedBy = [props['aria-describedby'], descriptionId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={clsx('flex min-h-10 items-start gap-3 py-2', className)}>
      <input
        type="checkbox"
        id={inputId}
        className={clsx(boxClasses, 'mt-0.5')}
        {...props}
        aria-describedby={describedBy}
      />
      <div className="grid gap-0.5">
        <label htmlFor={inputId} className="cursor-pointer text-sm leading-6 font-medium text-fg">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-muted">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
