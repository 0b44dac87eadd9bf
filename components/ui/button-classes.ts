import { cn } from './cn';
import { plainButtonClasses, type ButtonSize, type ButtonVariant } from './button-variants';

export interface ButtonClassOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/**
 * Button styling as a class string, so a Next `<Link>` (or any element) can look like a button
 * without nesting interactive elements: `<Link href="/x" className={buttonClasses()}>`.
 */
export function buttonClasses({ variant = 'primary', size = 'md', className }: ButtonClassOptions = {}): string {
  // tailwind-merge resolves a caller's className against the variant (e.g. `hidden` vs `inline-flex`).
  return cn(plainButtonClasses({ variant, size }), className);
}

