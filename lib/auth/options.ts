// next-auth (v4, stable; v5 is still a beta) with email + password and JWT sessions. The JWT carries
// the user id and the session version; every request re-reads the user, so disabling a user or
// changing a role takes effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { verifyCredentials } from "../users/accounts";
import { authSecret } from "./secret";
import { clientIp } from "../audit/record";

/** The client address from next-auth's request headers (a Headers object or a plain record). */
function ipFromHeaders(headers: unknown): string | null {
  return clientIp((name) => {
    if (!headers) return null;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
    const v = (headers as Record<string, unknown>)[name];
    return Array.isArray(v) ? String(v[0]) : typeof v === "string" ? v : null;
  });
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const { db } = await getDb();
        const user = await verifyCredentials(db, credentials.email, credentials.password, { ip: ipFromHeaders(req?.headers) });
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
  // A getter: the secret is read (or generated into DATA_DIR) on the first request, not at build time.
  get secret() {
    return authSecret();
  },
};
