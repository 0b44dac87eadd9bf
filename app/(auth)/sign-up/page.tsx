import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your Fixnado account</CardTitle>
        <CardDescription>
          Book trusted local services in minutes. Running a service business?{' '}
          <Link href="/sign-up/provider" className="text-link underline underline-offset-4">
            List your business
          </Link>
          . Already have an account?{' '}
          <Link href="/sign-in" className="text-link underline underline-offset-4">
            Sign in
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm />
      </CardContent>
    </Card>
  );
}
