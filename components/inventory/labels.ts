/** Client-safe labels and tones of the inventory console. */
import type { BadgeTone } from '@/components/ui/badge';

export const kindLabels = { tool: 'Tool', material: 'Material' } as const;
export const modeLabels = { purchase: 'For sale', rental: 'For rent', hybrid: 'Rent or buy' } as const;
export const trackingLabels = { serialised: 'Serialised', bulk: 'Bulk' } as const;
export const conditionLabels = { new: 'New', good: 'Good', fair: 'Fair', worn: 'Worn', damaged: 'Damaged' } as const;
export const moveKindLabels: Record<string, string> = {
  receive: 'Receive',
  reserve: 'Reserve',
  release: 'Release',
  checkout: 'Checkout',
  return: 'Return',
  adjust: 'Adjust',
  write_off: 'Write-off',
  sale: 'Sale',
  restock: 'Restock',
  count: 'Cycle count',
};
export const alertKindLabels: Record<string, string> = { low_stock: 'Low stock', overdue_return: 'Overdue return', damage_reported: 'Damage reported' };
export const alertStatusTone: Record<string, BadgeTone> = { open: 'danger', acknowledged: 'warning', resolved: 'success' };
export const unitStatusLabels: Record<string, string> = { in_stock: 'In stock', out: 'Out on rent', maintenance: 'Maintenance', retired: 'Retired', sold: 'Sold' };
export const unitStatusTone: Record<string, BadgeTone> = { in_stock: 'success', out: 'info', maintenance: 'warning', retired: 'neutral', sold: 'neutral' };

export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
