import type { ReactNode } from 'react';
import { cn } from './cn';

export interface PageHeaderProps {
  /** Rendered as the page's single <h1>. */
  title: ReactNode;
  description?: ReactNode;
  /** Primary page actions (buttons/links). They wrap under the title on phones. */
  actions?: ReactNode;
  /** Slot above the title, e.g. breadcrumbs or a back link. */
  eyebrow?: ReactNode;
  className?: string;
}

export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    <header className={cn('flex flex-col gap-4 pb-6 sm:flex-row sm:items-end sm:justify-between', className)}>
      <div className="grid min-w-0 gap-1">
        {eyebrow ? <div className="text-sm text-muted">{eyebrow}</div> : null}
        <h1 className="text-2xl leading-tight font-semibold tracking-tight text-balance break-words text-fg sm:text-3xl">
          {title}
        </h1>
        {description ? <p className="max-w-prose text-sm text-muted sm:text-base">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}
