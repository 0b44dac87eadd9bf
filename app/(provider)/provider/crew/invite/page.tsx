import type { Metadata } from 'next';
import Link from 'next/link';
import { guardedPage } from '@/components/layout/guarded-page';
import { InviteForm } from '@/components/desk/invite-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Invite a crew member' };

async function InviteContent() {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/provider/crew" className="text-link underline-offset-4 hover:underline">
            Crew
          </Link>
        }
        title="Invite a crew member"
        description="We email them a link. Once they accept, they can take jobs and manage their own hours."
      />
      <InviteForm />
    </>
  );
}

export default guardedPage('crew.manage', InviteContent);
