import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { formatRangeInZone, timeZoneChoices } from '@/components/crew/format';
import { ServicemanForm } from '@/components/crew/serviceman-form.client';
import { ServicemanStatusButton } from '@/components/crew/serviceman-status.client';
import { ExceptionsPanel, TimeOffPanel } from '@/components/crew/time-away.client';
import { WeeklyHoursEditor } from '@/components/crew/weekly-hours-editor.client';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { listCategoryChoices } from '@/lib/catalog/queries';
import { getServiceman } from '@/lib/crew/queries';

export const metadata: Metadata = { title: 'Crew member' };

async function CrewMemberContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  // Another provider's crew member, or another serviceman's page, is NOT_FOUND → a 404 page.
  const m = await getServiceman(ctx, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const categories = m.canEditProfile ? await listCategoryChoices(ctx) : [];
  return (
    <div className="grid gap-8">
      <PageHeader
        eyebrow={
          <Link href="/provider/crew" className="text-link underline underline-offset-4">
            {m.canEditProfile ? 'Crew' : 'My availability'}
          </Link>
        }
        title={m.displayName}
        description={
          <>
            <Badge tone={m.status === 'active' ? 'success' : 'neutral'}>{m.status}</Badge> · {m.canLead ? 'Can lead' : 'Support only'} · {m.timeZone}
            {m.skills.length ? ` · ${m.skills.join(', ')}` : ' · no skills yet'}
          </>
        }
        actions={m.canEditProfile ? <ServicemanStatusButton servicemanId={m.id} name={m.displayName} status={m.status} /> : undefined}
      />

      <section aria-labelledby="hours-heading" className="grid gap-3">
        <h2 id="hours-heading" className="text-lg font-semibold">
          Weekly working hours
        </h2>
        <WeeklyHoursEditor servicemanId={m.id} timeZone={m.timeZone} initial={m.hours} />
      </section>

      <section aria-labelledby="exceptions-heading" className="grid gap-3">
        <h2 id="exceptions-heading" className="text-lg font-semibold">
          Exceptions
        </h2>
        <ExceptionsPanel servicemanId={m.id} timeZone={m.timeZone} exceptions={m.exceptions} />
      </section>

      <section aria-labelledby="timeoff-heading" className="grid gap-3">
        <h2 id="timeoff-heading" className="text-lg font-semibold">
          Time off
        </h2>
        <TimeOffPanel
          servicemanId={m.id}
          timeZone={m.timeZone}
          timeOff={m.timeOff.map((t) => ({ id: t.id, label: formatRangeInZone(t.startsAt, t.endsAt, m.timeZone), reason: t.reason }))}
        />
      </section>

      {m.canEditProfile ? (
        <section aria-labelledby="profile-heading" className="grid gap-3">
          <h2 id="profile-heading" className="text-lg font-semibold">
            Profile
          </h2>
          <ServicemanForm
            initial={{ id: m.id, displayName: m.displayName, skills: m.skills, timeZone: m.timeZone, canLead: m.canLead }}
            categories={categories}
            timeZones={timeZoneChoices(m.timeZone)}
          />
        </section>
      ) : null}
    </div>
  );
}

export default guardedPage('panel.provider', CrewMemberContent, 'Loading crew member…');
