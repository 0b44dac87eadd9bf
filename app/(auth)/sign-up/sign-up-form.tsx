'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { signUpAction, signUpProviderAction } from '@/lib/identity/actions';

/** Customer sign-up, or the provider business path when `business` is set. */
export function SignUpForm({ business = false }: { business?: boolean }) {
  const router = useRouter();
  const f = useActionForm(business ? signUpProviderAction : signUpAction, {
    onSuccess: (data) => router.push(`/check-email?email=${encodeURIComponent(data.email)}`),
  });
  return (
    <form action={f.formAction} className="grid gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      {business ? (
        <FormField label="Business name" name="businessName" required error={f.fieldError('businessName')}>
          <Input autoComplete="organization" defaultValue={f.values.businessName} key={`b${f.values.businessName ?? ''}`} />
        </FormField>
      ) : null}
      <FormField label="Your name" name="name" required error={f.fieldError('name')}>
        <Input autoComplete="name" defaultValue={f.values.name} key={`n${f.values.name ?? ''}`} />
      </FormField>
      <FormField label="Email" name="email" required error={f.fieldError('email')}>
        <Input type="email" autoComplete="email" defaultValue={f.values.email} key={`e${f.values.email ?? ''}`} />
      </FormField>
      <FormField label="Password" name="password" required description="At least 10 characters." error={f.fieldError('password')}>
        <Input type="password" autoComplete="new-password" />
      </FormField>
      <Button type="submit" loading={f.pending} className="w-full">
        {business ? 'Create business account' : 'Create account'}
      </Button>
    </form>
  );
}
