import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { landingFor, safeCallbackUrl } from '@/components/layout/nav-config';
import { getActor } from '@/lib/core/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(safeCallbackUrl(callbackUrl) ?? landingFor(actor.roles));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in to Fixnado</CardTitle>
        <CardDescription>
          New here?{' '}
          <Link href="/sign-up" className="text-link underline underline-offset-4">
            Create an account
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm callbackUrl={safeCallbackUrl(callbackUrl) ?? undefined} />
      </CardContent>
    </Card>
  );
}
