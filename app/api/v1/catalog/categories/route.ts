// GET /api/v1/catalog/categories — service categories for the explorer's filters.
import { defineRoute } from '@/lib/core/route';
import { listCategories } from '@/lib/geo/catalog-queries';
import { categoriesContract } from '@/lib/geo/match-contracts';

export const GET = defineRoute(categoriesContract, async ({ ctx }) => ({ categories: await listCategories(ctx) }));
