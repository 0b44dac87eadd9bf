// GET /api/v1/marketplace/photos/{fileId} — a listing photo (visible listing, or the seller's own), else 404.
import { defineRoute } from '@/lib/core/route';
import { listingPhotoContract } from '@/lib/marketplace/contracts';
import { readListingPhoto } from '@/lib/marketplace/upload-photo';
import { fileHeaders } from '@/lib/storage';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listingPhotoContract, async ({ ctx, params }) => {
  const file = await readListingPhoto(ctx, params.fileId!);
  return new Response(Buffer.from(file.bytes), { headers: fileHeaders(file) });
});
