import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { now } from '@/lib/core/clock';
import { env } from '@/lib/core/env';
import { newId } from '@/lib/core/ids';
import { verifyCredentials } from '@/lib/identity/verify-credentials';
import { clientIp } from './client-ip';

/** The refusal reason travels as next-auth's `code`; it never says whether an account exists. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const sessionMaxAgeSeconds = 30 * 24 * 3600;

/** Secure cookies everywhere except a deliberately insecure local http serving (tests, benches). */
export function secureCookies(): boolean {
  const e = env();
  return e.NODE_ENV === 'production' && !e.ALLOW_INSECURE_HTTP;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env().AUTH_SECRET,
  useSecureCookies: secureCookies(),
  // JWT sessions: Credentials cannot use database sessions. Revocation is a per-user session
  // version carried in the token and checked against the database on every request.
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const outcome = await verifyCredentials(credentials, clientIp(request.headers), now());
        if (!outcome.ok) {
          throw new SignInRefused(
            outcome.reason === 'rate_limited' ? `rate_limited:${outcome.retryAfterSeconds ?? 60}` : outcome.reason,
          );
        }
        return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // Names this one session so "Sign out" can revoke exactly it (see revoked_sessions).
        token.sid = newId();
      }
      return token;
    },
    session({ session, token }) {
      // Only identifiers go to the session; roles are always resolved from the database.
      return {
        ...session,
        user: { ...session.user, id: token.sub ?? '' },
        sv: typeof token.sv === 'number' ? token.sv : -1,
        sid: typeof token.sid === 'string' ? token.sid : '',
      };
    },
  },
}));
