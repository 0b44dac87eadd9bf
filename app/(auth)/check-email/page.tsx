import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { localMailboxEnabled } from '@/lib/notifications/mail-transport';

export const metadata: Metadata = { title: 'Check your email' };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Check your email</CardTitle>
        <CardDescription>
          We sent a confirmation link to <strong>{email ?? 'your address'}</strong>. Open it to finish setting up your
          account; the link works for 48 hours.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {localMailboxEnabled() ? (
          <p>
            This installation has no mail server, so messages land in the{' '}
            <Link href="/dev/mailbox" className="text-link underline underline-offset-4">
              local mailbox
            </Link>
            .
          </p>
        ) : null}
        <p>
          <Link href="/sign-in" className="text-link underline underline-offset-4">
            Back to sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
