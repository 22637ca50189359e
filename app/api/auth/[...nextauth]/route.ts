// GET|POST /api/auth/* – next-auth (sign-in, sign-out, CSRF token, session)
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/config";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin, errorResponse, readBodyBytes } from "@/lib/http/route";
import { hitRateLimit, SIGN_IN_LIMITS } from "@/lib/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (req: Request, ctx: Context) => Promise<Response>;

export async function GET(req: Request, ctx: Context): Promise<Response> {
  return handler(req, ctx);
}

/** next-auth's forms hold an e-mail, a password, a CSRF token and a callback URL. */
const AUTH_FORM_MAX_BYTES = 8 * 1024;

// Every POST is refused from another site (next-auth's own CSRF token is a second line), and its
// body is read here, bounded, because next-auth would read any size. POST
// /api/auth/callback/credentials is rate limited per account and per IP before next-auth checks
// the password; every other POST goes straight to next-auth.
export async function POST(incoming: Request, ctx: Context): Promise<Response> {
  let req: NextRequest;
  try {
    assertSameOrigin(incoming);
    const body = await readBodyBytes(incoming, AUTH_FORM_MAX_BYTES);
    req = new NextRequest(incoming.url, { method: "POST", headers: incoming.headers, body: new Uint8Array(body) });
  } catch (error) {
    return errorResponse(error);
  }
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    try {
      const form = await req.clone().formData();
      const email = String(form.get("email") ?? "").trim().toLowerCase().slice(0, 254);
      const [perIp, perAccount] = await Promise.all([
        hitRateLimit(`signin:ip:${clientIp(req.headers)}`, SIGN_IN_LIMITS.perIp),
        hitRateLimit(`signin:account:${email}`, SIGN_IN_LIMITS.perAccount),
      ]);
      if (!perIp.allowed || !perAccount.allowed) {
        const retryAfter = Math.max(perIp.allowed ? 0 : perIp.retryAfter, perAccount.allowed ? 0 : perAccount.retryAfter);
        return Response.json(
          {
            error: { code: "RATE_LIMITED", message: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).` },
            // next-auth's client reads the outcome from `url`.
            url: new URL(`/sign-in?error=RateLimited`, req.url).toString(),
          },
          { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } },
        );
      }
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handler(req, ctx);
}
