import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInviteForm } from '@/components/desk/accept-invite-form';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { describeInvite } from '@/lib/crew/accept-invite';

export const metadata: Metadata = { title: 'Crew invitation' };

export default async function CrewInvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const ctx = await requestCtx();
  const back = `/crew-invite?token=${encodeURIComponent(token ?? '')}`;
  let body;
  if (!token) {
    body = <EmptyState title="This link is incomplete" description="Open the link from your invitation email again." />;
  } else if (ctx.actor.kind !== 'user') {
    body = (
      <div className="grid gap-3">
        <p className="text-sm">Sign in with the email address the invitation was sent to, or create an account with it, then come back to this link.</p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`} className={buttonClasses()}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClasses({ variant: 'secondary' })}>
            Create an account
          </Link>
        </div>
      </div>
    );
  } else {
    const invite = await describeInvite(ctx, { token }).catch((err: unknown) => {
      if (isAppError(err)) return { error: err.message };
      throw err;
    });
    body =
      'error' in invite ? (
        <EmptyState title="This invitation cannot be used" description={invite.error} />
      ) : (
        <div className="grid gap-3">
          <p className="text-sm">
            {invite.providerName} invited you to their crew as <strong>{invite.displayName}</strong>. You will receive jobs and manage your working hours in the provider panel.
          </p>
          <AcceptInviteForm token={token} providerName={invite.providerName} />
        </div>
      );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Crew invitation</CardTitle>
        <CardDescription>Join a provider&apos;s crew on Fixnado.</CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
