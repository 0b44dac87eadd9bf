import type { Metadata } from 'next';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { ConfirmResetForm } from './confirm-form';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ConfirmResetPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Choose a new password</CardTitle>
      </CardHeader>
      <CardContent>
        {token ? <ConfirmResetForm token={token} /> : <EmptyState title="This link is incomplete" description="Request a new reset link." />}
      </CardContent>
    </Card>
  );
}
