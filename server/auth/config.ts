import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db/client";
import { env } from "../env";
import { clientIp } from "./client-ip";
import { recordSecurityEvent } from "./security-events";
import { SignInError, signInWithPassword } from "./sign-in";

class HandrailSignInError extends CredentialsSignin {
  constructor(error: SignInError) {
    super();
    // The sign-in form reads `code` to say exactly what went wrong (and how long to wait).
    this.code = error.retryAfterSeconds ? `${error.reason}:${error.retryAfterSeconds}` : error.reason;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in works only with JWT sessions; the adapter still owns users and accounts.
  adapter: PrismaAdapter(db),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  secret: env.AUTH_SECRET,
  trustHost: true,
  pages: { signIn: "/sign-in" },
  logger: {
    // Auth.js logs credentials errors with their cause; keep PII out of the logs.
    error: (error) => {
      if (error.name !== "CredentialsSignin") console.error(`[auth] ${error.name}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        try {
          return await signInWithPassword(credentials, clientIp(request.headers));
        } catch (error) {
          if (error instanceof SignInError) throw new HandrailSignInError(error);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const uid = "token" in message && typeof message.token?.uid === "string" ? message.token.uid : null;
      if (uid)
        await recordSecurityEvent(uid, {
          actor: { type: "human", id: uid, label: null },
          action: "auth.sign_out",
          data: {},
        });
    },
  },
});
