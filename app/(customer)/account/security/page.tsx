import type { Metadata } from 'next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { ChangePasswordForm, SignOutEverywhereForm } from './security-forms';

export const metadata: Metadata = { title: 'Sign-in & security' };

export default async function SecurityPage() {
  await requirePermission('account.update_self');
  return (
    <div className="grid gap-6">
      <PageHeader title="Sign-in & security" />
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>Changing your password signs you out everywhere, including here.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sign out everywhere</CardTitle>
          <CardDescription>Lost a phone or used a shared computer? End every session of your account at once.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutEverywhereForm />
        </CardContent>
      </Card>
    </div>
  );
}
