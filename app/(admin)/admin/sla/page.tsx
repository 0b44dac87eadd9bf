import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { SlaTables } from '@/components/desk/sla-tables.client';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { slaBoard, SLA_BOARD_KINDS } from '@/lib/bookings/sla-board';

export const metadata: Metadata = { title: 'SLA board' };

async function SlaContent({ searchParams }: { searchParams: Promise<{ zone?: string; kind?: string }> }) {
  const sp = await searchParams;
  const ctx = await requestCtx();
  const kind = (SLA_BOARD_KINDS as readonly string[]).includes(sp.kind ?? '') ? sp.kind : undefined;
  const zone = /^[0-9a-f-]{36}$/i.test(sp.zone ?? '') ? sp.zone : undefined;
  const board = await slaBoard(ctx, { zoneId: zone, kind });
  return (
    <>
      <PageHeader
        title="SLA board"
        description="Bookings whose acceptance, arrival, completion or confirmation deadline is due within the hour, and open bookings that breached one. Times in each booking's zone."
      />
      <SlaTables atRisk={board.atRisk} breached={board.breached} generatedAt={board.generatedAt} kind={kind ?? ''} zone={zone ?? ''} />
    </>
  );
}

export default guardedPage('bookings.read_all', SlaContent, 'Loading the SLA board…');
