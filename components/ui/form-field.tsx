import {
  Children,
  cloneElement,
  isValidElement,
  useId,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
} from 'react';
import { CircleAlert } from 'lucide-react';
import { clsx } from 'clsx';
import { Label } from './label';

/** The props FormField injects into its control. Input, Textarea, Select and Checkbox accept them. */
export interface FieldControlProps {
  id?: string;
  name?: string;
  required?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling';
}

/** zod-style `fieldErrors[name]` (an array) or a single message. */
export type FieldError = string | readonly string[] | null | undefined;

export interface FormFieldProps {
  label: ReactNode;
  /** Form field name; also given to the control unless it sets its own. */
  name: string;
  description?: ReactNode;
  error?: FieldError;
  required?: boolean;
  /** Use when the control must have a known id (e.g. for a <datalist> or an external label). */
  id?: string;
  /** "inline" puts the control before the label on one row; meant for checkboxes. */
  layout?: 'stacked' | 'inline';
  /** Visually hides the label (it is still the accessible name), for layouts where context is obvious. */
  hideLabel?: boolean;
  className?: string;
  /** Exactly one control element. */
  children: ReactElement<FieldControlProps>;
}

export function errorMessages(error: FieldError): string[] {
  if (!error) return [];
  return (typeof error === 'string' ? [error] : [...error]).filter((message) => message.trim() !== '');
}

function joinIds(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/**
 * Label + description + error + control, with the ARIA wiring done once.
 *
 * The control is passed as the single child and cloned with `id`, `name`, `required`,
 * `aria-describedby` and `aria-invalid`. Cloning (instead of a render prop) keeps call sites
 * plain JSX (`<FormField label="Email" name="email"><Input type="email" /></FormField>`) and needs
 * no cooperation from the control: any element taking these props works, native <input> included.
 * Props the child sets itself win, except `aria-describedby` (merged) and `aria-invalid` (forced
 * on while there is an error).
 *
 * The error is rendered between the label and the control (GOV.UK pattern) so it is seen before
 * the field on small screens, and is read after the label and description by screen readers.
 */
export function FormField({
  label,
  name,
  description,
  error,
  required,
  id,
  layout = 'stacked',
  hideLabel = false,
  className,
  children,
}: FormFieldProps) {
  const generatedId = useId();
  const control = Children.only(children);
  if (!isValidElement<FieldControlProps>(control)) {
    throw new Error('FormField expects a single control element as its child.');
  }

  const controlId = control.props.id ?? id ?? `${name}-${generatedId}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const messages = errorMessages(error);
  const errorId = messages.length > 0 ? `${controlId}-error` : undefined;

  const field = cloneElement(control, {
    id: controlId,
    name: control.props.name ?? name,
    required: control.props.required ?? required,
    'aria-describedby': joinIds(control.props['aria-describedby'], descriptionId, errorId),
    'aria-invalid': errorId ? true : control.props['aria-invalid'],
  });

  const labelElement = (
    <Label htmlFor={controlId} required={required} className={clsx(hideLabel && 'sr-only')}>
      {label}
    </Label>
  );

  const descriptionElement = description ? (
    <p id={descriptionId} className="text-sm text-muted">
      {description}
    </p>
  ) : null;

  const errorElement = errorId ? (
    <div id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-danger">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul className="grid gap-0.5">
          {messages.map((message, index) => (
            <li key={`${index}:${message}`}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  ) : null;

  if (layout === 'inline') {
    return (
      <div className={clsx('grid gap-1', className)}>
        <div className="flex min-h-10 items-center gap-3">
          {field}
          {labelElement}
        </div>
        {descriptionElement}
        {errorElement}
      </div>
    );
  }

  return (
    <div className={clsx('grid gap-1.5', className)}>
      {labelElement}
      {descriptionElement}
      {errorElement}
      {field}
    </div>
  );
}

export interface FormErrorProps extends Omit<ComponentProps<'div'>, 'role'> {
  /** A message, several messages, or nothing (renders nothing, so it can always be placed). */
  message?: FieldError;
}

/**
 * Form-level failure ("Could not save, try again"). role="alert" makes screen readers announce
 * it as soon as it appears after a submit; tabIndex -1 lets the form move focus to it (pass `ref`).
 */
export function FormError({ message, className, children, ...props }: FormErrorProps) {
  const messages = errorMessages(message);
  if (messages.length === 0 && !children) return null;

  return (
    <div
      role="alert"
      tabIndex={-1}
      className={clsx(
        'flex items-start gap-2 rounded-md border border-danger/40 bg-danger-soft p-3 text-sm text-danger-soft-fg',
        'high-contrast:border-2 high-contrast:border-danger',
        className,
      )}
      {...props}
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="grid gap-1">
        {messages.map((text, index) => (
          <p key={`${index}:${text}`}>{text}</p>
        ))}
        {children}
      </div>
    </div>
  );
}
