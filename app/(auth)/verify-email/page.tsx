import type { Metadata } from 'next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { VerifyForm } from './verify-form';

export const metadata: Metadata = { title: 'Confirm your email' };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Confirm your email</CardTitle>
        <CardDescription>One click and your account is ready.</CardDescription>
      </CardHeader>
      <CardContent>
        {token ? <VerifyForm token={token} /> : <EmptyState title="This link is incomplete" description="Open the link from your email again, or sign up once more." />}
      </CardContent>
    </Card>
  );
}
