import { Star } from 'lucide-react';
import { cn } from '@/components/ui/cn';

/** A read-only star rating with its text for assistive tech. */
export function Stars({ rating, className }: { rating: number; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-0.5', className)} role="img" aria-label={`${rating} out of 5 stars`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Star key={n} aria-hidden="true" className={cn('size-4', n <= rating ? 'fill-warning text-warning' : 'text-muted')} />
      ))}
    </span>
  );
}
