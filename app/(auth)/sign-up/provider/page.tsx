import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SignUpForm } from '../sign-up-form';

export const metadata: Metadata = { title: 'List your business' };

export default function ProviderSignUpPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">List your business on Fixnado</CardTitle>
        <CardDescription>
          Create your provider account: you become the owner of your business and can invite your crew. Just booking a
          service?{' '}
          <Link href="/sign-up" className="text-link underline underline-offset-4">
            Create a customer account
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm business />
      </CardContent>
    </Card>
  );
}
